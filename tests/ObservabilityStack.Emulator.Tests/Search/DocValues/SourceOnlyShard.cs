using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Emulator.Tests.Search.DocValues;

/// <summary>
/// The same documents, order and mapping as a storage shard, but handed over with their parsed <c>_source</c> and no
/// run: every value is read from the source (the path used before doc values), so answers can be compared.
/// </summary>
internal sealed class SourceOnlyShard(ISearchShard inner) : ISearchShard
{
    public string IndexName => inner.IndexName;

    public IFieldMappings Mappings => inner.Mappings;

    public IEnumerable<SearchDocument> Documents(long? fromMillis = null, long? toMillis = null)
    {
        foreach (var doc in inner.Documents(fromMillis, toMillis))
        {
            yield return new SearchDocument
            {
                Index = doc.Index,
                Id = doc.Id,
                Source = doc.Source,
                SeqNo = doc.SeqNo,
                PrimaryTerm = doc.PrimaryTerm,
                Version = doc.Version,
                TimestampMillis = doc.TimestampMillis,
            };
        }
    }
}
