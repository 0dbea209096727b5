using System.Text.Json;

namespace ObservabilityStack.Emulator.Search;

// The seam between the emulator's storage (indices, mappings, documents) and its search engine
// (query DSL, sorting, aggregations). Storage implements the interfaces; Search consumes them.
// Changes here must stay additive: two people build the two sides.

/// <summary>A stored document as search sees it.</summary>
public sealed class SearchDocument
{
    /// <summary>Concrete index name (a <c>.ds-</c> backing index for data streams).</summary>
    public required string Index { get; init; }

    /// <summary>The <c>_id</c>.</summary>
    public required string Id { get; init; }

    private JsonElement _source;
    private ReadOnlyMemory<byte> _sourceBytes;
    private bool _parsed;

    /// <summary>
    /// The <c>_source</c> as sent by the client. Documents from storage parse it on first read, which only hits,
    /// <c>top_hits</c> and fields without a column do.
    /// </summary>
    public JsonElement Source
    {
        get
        {
            if (!_parsed)
            {
                // JsonElement.ParseValue owns plain arrays (no pooled buffers), so nothing leaks when it is never disposed.
                var reader = new Utf8JsonReader(_sourceBytes.Span);
                _source = JsonElement.ParseValue(ref reader);
                _parsed = true;
            }

            return _source;
        }

        init
        {
            _source = value;
            _parsed = true;
        }
    }

    /// <summary>The stored <c>_source</c> bytes, parsed into <see cref="Source"/> only when read.</summary>
    internal ReadOnlyMemory<byte> SourceBytes
    {
        init => _sourceBytes = value;
    }

    /// <summary>The columns of the immutable run holding the document (null when it is in none).</summary>
    internal DocValues.RunColumns? Columns { get; init; }

    /// <summary>The document's position in its run, for <see cref="Columns"/>.</summary>
    internal int Position { get; init; }

    /// <summary><c>_seq_no</c>.</summary>
    public long SeqNo { get; init; }

    /// <summary><c>_primary_term</c>.</summary>
    public long PrimaryTerm { get; init; } = 1;

    /// <summary><c>_version</c>.</summary>
    public long Version { get; init; } = 1;

    /// <summary>Parsed <c>@timestamp</c> in epoch milliseconds, when the document has one.</summary>
    public long? TimestampMillis { get; init; }
}

/// <summary>A mapped field: its full dotted path, ES type (keyword, text, date, long, ...) and date format.</summary>
public sealed record MappedField(string Path, string Type, string? Format = null);

/// <summary>The mapping of one index, flattened to dotted paths (multi-fields included, e.g. <c>message.keyword</c>).</summary>
public interface IFieldMappings
{
    /// <summary>The field at a dotted path, or null when unmapped.</summary>
    MappedField? Find(string path);

    /// <summary>All mapped dotted paths (for wildcards in <c>fields</c>, <c>query_string</c>, <c>exists</c>).</summary>
    IEnumerable<MappedField> All { get; }
}

/// <summary>One index to search: its name, mapping and documents.</summary>
public interface ISearchShard
{
    /// <summary>Concrete index name.</summary>
    string IndexName { get; }

    /// <summary>The index's mapping.</summary>
    IFieldMappings Mappings { get; }

    /// <summary>
    /// Documents visible to search (refreshed), restricted to <c>@timestamp</c> in [from, to] (epoch ms, inclusive)
    /// when bounds are given, so a time-window query does not scan the whole index. Documents without a
    /// timestamp are returned only when both bounds are null.
    /// </summary>
    IEnumerable<SearchDocument> Documents(long? fromMillis = null, long? toMillis = null);

    /// <summary><c>index.max_result_window</c>: the largest from + size allowed (Elasticsearch's default 10000).</summary>
    int MaxResultWindow => 10_000;

    /// <summary><c>index.max_terms_count</c>: the most values a terms query may carry (Elasticsearch's default 65536).</summary>
    int MaxTermsCount => 65_536;
}
