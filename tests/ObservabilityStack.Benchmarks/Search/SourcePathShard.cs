using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Benchmarks.Search;

/// <summary>
/// A storage shard's documents handed over with their parsed <c>_source</c> and no run, so every value is read from
/// the source as before doc values: the baseline measured in the same run as the column path.
/// </summary>
internal sealed class SourcePathShard(ISearchShard inner) : ISearchShard
{
    public string IndexName => inner.IndexName;

    public IFieldMappings Mappings => inner.Mappings;

    public IEnumerable<SearchDocument> Documents(long? fromMillis = null, long? toMillis = null) =>
        inner.Documents(fromMillis, toMillis).Select(d => new SearchDocument
        {
            Index = d.Index,
            Id = d.Id,
            Source = d.Source,
            SeqNo = d.SeqNo,
            TimestampMillis = d.TimestampMillis,
        });
}
