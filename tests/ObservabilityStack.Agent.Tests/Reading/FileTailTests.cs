using ObservabilityStack.Agent.Reading;
using ObservabilityStack.Agent.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Agent.Tests.Reading;

public sealed class FileTailTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void OnlyCompleteLinesAreReadAndAPartialLineWaitsForItsNewline()
    {
        var path = _dir.File("app.log");
        File.WriteAllText(path, "first\nsecond\nthi");
        using var tail = new FileTail(path, null, 0);

        var lines = tail.Read(100, 1000);
        lines.Select(l => l.Text).ShouldBe(["first", "second"]);
        lines[1].Offset.ShouldBe(6);
        lines[1].NextOffset.ShouldBe(13);

        File.AppendAllText(path, "rd\r\n");
        tail.Read(100, 1000).ShouldHaveSingleItem().Text.ShouldBe("third");
    }

    [Fact]
    public void ReadingResumesAtASavedOffset()
    {
        var path = _dir.File("app.log");
        File.WriteAllText(path, "one\ntwo\nthree\n");
        using var first = new FileTail(path, null, 0);
        var fingerprint = first.Read(1, 1000).Single().Fingerprint;

        using var resumed = new FileTail(path, fingerprint, 4);
        resumed.Read(100, 1000).Select(l => l.Text).ShouldBe(["two", "three"]);
    }

    [Fact]
    public void AFileTruncatedInPlaceIsReadAgainFromTheStart()
    {
        var path = _dir.File("app.log");
        File.WriteAllText(path, "old line one\nold line two\n");
        using var tail = new FileTail(path, null, 0);
        tail.Read(100, 1000).Count.ShouldBe(2);

        File.WriteAllText(path, "new\n");
        tail.Read(100, 1000).ShouldHaveSingleItem().Text.ShouldBe("new");
        tail.Truncations.ShouldBe(1);
    }

    [Fact]
    public void ARenamedFileIsReadToItsEndAndSeenAsReplaced()
    {
        var path = _dir.File("app.log");
        File.WriteAllText(path, "before rotation\n");
        using var tail = new FileTail(path, null, 0);
        tail.Read(100, 1000).Count.ShouldBe(1);

        File.AppendAllText(path, "written just before the rename\n");
        File.Move(path, path + ".1");
        File.WriteAllText(path, "in the new file\n");

        tail.Read(100, 1000).ShouldHaveSingleItem().Text.ShouldBe("written just before the rename");
        tail.WasReplaced().ShouldBeTrue();
    }

    [Fact]
    public void ALineLongerThanTheMaximumIsCutAndFlaggedWithoutHoldingItAllInMemory()
    {
        var path = _dir.File("app.log");
        File.WriteAllText(path, new string('x', 300_000) + "\nshort\n");
        using var tail = new FileTail(path, null, 0);

        var lines = tail.Read(100, 1000);

        lines[0].Text.Length.ShouldBe(1000);
        lines[0].Truncated.ShouldBeTrue();
        lines[1].Text.ShouldBe("short");
        lines[1].Offset.ShouldBe(300_001);
        tail.LongLines.ShouldBe(1);
    }

    [Fact]
    public void AFileWhoseFirstLineIsIncompleteHasNoIdentityYet()
    {
        var path = _dir.File("app.log");
        File.WriteAllText(path, "no newline yet");
        FileFingerprint.Of(path).ShouldBeNull();
        File.AppendAllText(path, "\n");
        FileFingerprint.Of(path).ShouldNotBeNull();
    }

    [Fact]
    public void IndentedLinesJoinTheLineBeforeThemAsOneEvent()
    {
        var path = _dir.File("app.log");
        File.WriteAllText(path, "ERROR boom\n   at A.B()\n   at C.D()\nINFO next\n");
        using var tail = new FileTail(path, null, 0);
        var joiner = new MultilineJoiner(enabled: true);

        var events = joiner.Add(tail.Read(100, 1000));
        events.ShouldHaveSingleItem().Text.ShouldBe("ERROR boom\n   at A.B()\n   at C.D()");
        events[0].NextOffset.ShouldBe(35);

        joiner.Idle().ShouldBeNull();
        joiner.Idle().ShouldNotBeNull().Text.ShouldBe("INFO next");
    }

    public void Dispose() => _dir.Dispose();
}
