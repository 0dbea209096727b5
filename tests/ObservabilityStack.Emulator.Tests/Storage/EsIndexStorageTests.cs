using System.Text;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Tests.Storage;

public sealed class EsIndexStorageTests
{
    [Fact]
    public void OverwrittenSourcesAreCompactedAwayAndEveryDocumentKeepsItsLatestSource()
    {
        var index = new EsIndex("compact", 0);
        var filler = new string('x', 1000);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 3000; i++)
            {
                index.Index($"d{i}", Encoding.UTF8.GetBytes($$"""{"round":{{round}},"pad":"{{filler}}"}"""), default);
            }
        }

        index.SourceBytes.Dead.ShouldBeGreaterThan(index.SourceBytes.Live);
        index.Refresh();

        index.SourceBytes.Dead.ShouldBe(0);
        index.Table.Count.ShouldBe(3000);
        Encoding.UTF8.GetString(index.Get("d42")!.Source.Span).ShouldStartWith("""{"round":2,""");
        index.Get("d42")!.Version.ShouldBe(3);
        index.Table.Range(null, null).Select(p => Encoding.UTF8.GetString(p.Doc.Source.Span)).ShouldAllBe(s => s.Contains("\"round\":2"));
    }

    [Fact]
    public void DeletedSourcesCountAsDead()
    {
        var index = new EsIndex("deletes", 0);
        index.Index("a", """{"f":1}"""u8, default);
        index.Index("b", """{"f":2}"""u8, default);

        index.Delete("a", default);

        index.SourceBytes.ShouldBe((7L, 7L));
    }
}
