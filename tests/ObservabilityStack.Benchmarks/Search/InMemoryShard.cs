using System.Text.Json;
using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Benchmarks.Search;

/// <summary>A timestamp-ordered in-memory shard, standing in for emulator storage so the benchmark measures search alone.</summary>
internal sealed class InMemoryShard(string indexName, IFieldMappings mappings, SearchDocument[] ordered) : ISearchShard
{
    public string IndexName { get; } = indexName;

    public IFieldMappings Mappings { get; } = mappings;

    public IEnumerable<SearchDocument> Documents(long? fromMillis = null, long? toMillis = null)
    {
        if (fromMillis is null && toMillis is null)
        {
            foreach (var document in ordered)
            {
                yield return document;
            }

            yield break;
        }

        // Binary search the window start, as storage does with its timestamp-ordered segments.
        int low = 0, high = ordered.Length;
        var from = fromMillis ?? long.MinValue;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (ordered[mid].TimestampMillis < from)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var to = toMillis ?? long.MaxValue;
        for (var i = low; i < ordered.Length && ordered[i].TimestampMillis <= to; i++)
        {
            yield return ordered[i];
        }
    }
}
