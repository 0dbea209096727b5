using System.Text.Json;
using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Emulator.Tests.Search.Support;

/// <summary>An in-memory <see cref="ISearchShard"/>: documents kept ordered by @timestamp, like storage does.</summary>
internal sealed class TestShard : ISearchShard
{
    private readonly List<SearchDocument> _documents = [];

    public TestShard(string index, string propertiesJson = "{}")
    {
        IndexName = index;
        Mappings = new TestMappings(propertiesJson);
    }

    public string IndexName { get; }

    public IFieldMappings Mappings { get; }

    public int MaxTermsCount { get; init; } = 65_536;

    public int MaxResultWindow { get; init; } = 10_000;

    /// <summary>How many documents the last <see cref="Documents"/> call handed out (to prove time windows skip data).</summary>
    public int LastScanned { get; private set; }

    /// <summary>The bounds of the last <see cref="Documents"/> call.</summary>
    public (long? From, long? To) LastBounds { get; private set; }

    public TestShard Add(string id, string sourceJson)
    {
        var source = JsonDocument.Parse(sourceJson).RootElement.Clone();
        long? timestamp = source.TryGetProperty("@timestamp", out var ts) && ts.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(ts.GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()
            : null;
        _documents.Add(new SearchDocument { Index = IndexName, Id = id, Source = source, TimestampMillis = timestamp, SeqNo = _documents.Count });
        return this;
    }

    /// <summary>Adds documents with ids 1..n.</summary>
    public TestShard AddAll(params string[] sources)
    {
        foreach (var source in sources)
        {
            Add((_documents.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), source);
        }

        return this;
    }

    public IEnumerable<SearchDocument> Documents(long? fromMillis = null, long? toMillis = null)
    {
        LastBounds = (fromMillis, toMillis);
        LastScanned = 0;
        var ordered = fromMillis is null && toMillis is null
            ? _documents
            : _documents.Where(d => d.TimestampMillis is { } t && t >= (fromMillis ?? long.MinValue) && t <= (toMillis ?? long.MaxValue));
        foreach (var document in ordered)
        {
            LastScanned++;
            yield return document;
        }
    }
}
