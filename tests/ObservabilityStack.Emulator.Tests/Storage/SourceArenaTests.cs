using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Tests.Storage;

public sealed class SourceArenaTests
{
    [Fact]
    public void SmallSourcesShareChunksAndKeepTheirBytes()
    {
        var arena = new SourceArena();
        var first = arena.Add("""{"a":1}"""u8);
        var second = arena.Add("""{"b":2}"""u8);

        first.ToArray().ShouldBe("""{"a":1}"""u8.ToArray());
        second.ToArray().ShouldBe("""{"b":2}"""u8.ToArray());
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(first, out var a).ShouldBeTrue();
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(second, out var b).ShouldBeTrue();
        a.Array.ShouldBeSameAs(b.Array);
        arena.LiveBytes.ShouldBe(14);
    }

    [Fact]
    public void ALargeSourceGetsItsOwnArray()
    {
        var arena = new SourceArena();
        var large = new byte[200_000];
        large[^1] = 7;

        var stored = arena.Add(large);

        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(stored, out var segment).ShouldBeTrue();
        segment.Array!.Length.ShouldBe(200_000);
        stored.Span[^1].ShouldBe((byte)7);
    }

    [Fact]
    public void ReleasedBytesAskForCompactionOnlyWhenTheyDominate()
    {
        var arena = new SourceArena();
        var source = new byte[1000];
        for (var i = 0; i < 6000; i++)
        {
            arena.Add(source);
        }

        for (var i = 0; i < 3000; i++)
        {
            arena.Release(source.Length);
        }

        arena.NeedsCompaction.ShouldBeFalse();
        for (var i = 0; i < 2000; i++)
        {
            arena.Release(source.Length);
        }

        arena.NeedsCompaction.ShouldBeTrue();
    }
}
