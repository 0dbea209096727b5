using System.Text.Json;
using ObservabilityStack.Emulator.Search.Hits;

namespace ObservabilityStack.Emulator.Search.Aggregations.Metrics;

/// <summary><c>top_hits</c>: the best documents of a bucket (size, from, sort, _source).</summary>
internal sealed class TopHitsAggregator : Aggregator
{
    private readonly int _from;
    private readonly int _size;
    private readonly HitOptions _options;
    private readonly List<Hit> _hits = [];

    public TopHitsAggregator(AggregationDefinition definition)
        : base(definition)
    {
        var body = definition.Body;
        _size = body.TryGetProperty("size", out var size) ? size.GetInt32() : 3;
        _from = body.TryGetProperty("from", out var from) ? from.GetInt32() : 0;
        var sort = body.TryGetProperty("sort", out var s) ? SortParser.Parse(s) : [];
        var source = body.TryGetProperty("_source", out var src) ? SourceFilter.Parse(src) : SourceFilter.All;
        var scoreWritten = sort.Length == 0 || sort.Any(x => x.IsScore);
        _options = new HitOptions(source, sort, scoreWritten, body.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.True,
            body.TryGetProperty("seq_no_primary_term", out var q) && q.ValueKind == JsonValueKind.True, []);
    }

    private TopHitsAggregator(TopHitsAggregator prototype)
        : base(prototype.Definition)
    {
        _from = prototype._from;
        _size = prototype._size;
        _options = prototype._options;
    }

    /// <inheritdoc/>
    public override Aggregator Fresh() => new TopHitsAggregator(this);

    /// <inheritdoc/>
    public override void Collect(DocContext doc)
    {
        var keys = new SortKey[_options.Sort.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = _options.Sort[i].KeyOf(doc, doc.Score);
        }

        _hits.Add(new Hit(doc.Doc, doc.Shard, doc.ShardIndex, doc.DocIndex, doc.Score, keys));
    }

    /// <inheritdoc/>
    protected override void WriteBody(Utf8JsonWriter writer, AggregationContext context)
    {
        _hits.Sort((a, b) => HitWriter.Compare(a, b, _options.Sort));
        writer.WriteStartObject("hits");
        writer.WriteStartObject("total");
        writer.WriteNumber("value", _hits.Count);
        writer.WriteString("relation", "eq");
        writer.WriteEndObject();
        if (_hits.Count > 0 && _options.WriteScore)
        {
            writer.WriteNumber("max_score", _hits.Max(h => h.Score));
        }
        else
        {
            writer.WriteNull("max_score");
        }

        writer.WriteStartArray("hits");
        for (var i = _from; i < Math.Min(_hits.Count, _from + _size); i++)
        {
            HitWriter.Write(writer, _hits[i], _options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
