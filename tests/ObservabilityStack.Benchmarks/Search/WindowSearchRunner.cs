using System.Buffers;
using System.Text.Json;
using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Benchmarks.Search;

/// <summary>Runs a search body over the window benchmarks' shards at <see cref="WindowLogDocuments.End"/>.</summary>
internal sealed class WindowSearchRunner(ISearchShard[] shards)
{
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private readonly TimeProvider _clock = new FrozenClock(WindowLogDocuments.End);

    /// <summary>Searches and returns the answer's length (so the work cannot be optimised away).</summary>
    public int Run(JsonElement body)
    {
        _output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_output);
        SearchEngine.Search(body, new Dictionary<string, string>(), shards, _clock, writer);
        writer.Flush();
        return _output.WrittenCount;
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
