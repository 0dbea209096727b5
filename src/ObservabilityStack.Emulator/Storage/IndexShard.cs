using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// What search sees of one index: the refreshed documents at the time the search started (a snapshot, so a
/// concurrent refresh does not change a running search) and the mapping. Time ranges are binary searches.
/// </summary>
internal sealed class IndexShard : ISearchShard
{
    private readonly DocumentTable _table;

    public IndexShard(EsIndex index)
    {
        IndexName = index.Name;
        _table = index.Table;
        Mappings = index.WithLock(() => index.Mappings.Snapshot);
        MaxResultWindow = IntSetting(index, "index.max_result_window", 10_000);
        MaxTermsCount = IntSetting(index, "index.max_terms_count", 65_536);
    }

    public string IndexName { get; }

    public IFieldMappings Mappings { get; }

    /// <inheritdoc/>
    public int MaxResultWindow { get; }

    /// <inheritdoc/>
    public int MaxTermsCount { get; }

    public int Count => _table.Count;

    /// <summary>The refreshed table this shard reads (its identity changes on every refresh that changes data).</summary>
    public DocumentTable Table => _table;

    public IEnumerable<SearchDocument> Documents(long? fromMillis = null, long? toMillis = null)
    {
        foreach (var (doc, run, position) in _table.Range(fromMillis, toMillis))
        {
            yield return doc.ToSearchDocument(IndexName, run, position);
        }
    }

    private static int IntSetting(EsIndex index, string key, int fallback) =>
        int.TryParse(index.Settings[key], System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
