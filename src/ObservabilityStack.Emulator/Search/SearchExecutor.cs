using System.Text.Json;
using ObservabilityStack.Emulator.Search.Aggregations;
using ObservabilityStack.Emulator.Search.Aggregations.Buckets;
using ObservabilityStack.Emulator.Search.Hits;
using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search;

/// <summary>Runs a compiled search over shards: one pass collecting totals, aggregations and hits, then renders the response.</summary>
internal sealed class SearchExecutor(SearchRequest request, IReadOnlyList<ISearchShard> shards, QueryParser queries)
{
    private readonly List<Hit> _hits = [];
    private long _total;
    private double _maxScore = double.NegativeInfinity;
    private bool _terminatedEarly;
    private AggregatorSet _aggregations = AggregatorSet.Empty;

    // Shards whose validation failed are left out and reported in _shards.failures, as Elasticsearch does.
    private readonly List<(ISearchShard Shard, EmulatorException Error)> _failures = [];
    private List<ISearchShard> _shards = [];

    /// <summary>Collects matches, then writes the response object.</summary>
    public void Run(Utf8JsonWriter writer, long startTimestamp, TimeProvider clock)
    {
        var prototypes = request.Aggregations ?? [];
        var live = new List<ISearchShard>(shards.Count);
        foreach (var shard in shards)
        {
            try
            {
                foreach (var prototype in prototypes)
                {
                    prototype.Validate(shard);
                }

                live.Add(shard);
            }
            catch (EmulatorException e) when (shards.Count > 1)
            {
                _failures.Add((shard, e));
            }
        }

        if (live.Count == 0 && _failures.Count > 0)
        {
            throw _failures[0].Error;
        }

        _shards = live;

        _aggregations = AggregatorSet.Create(prototypes);
        Collect();
        var after = request.SearchAfter is { } values ? SearchAfterKeys(values) : null;
        var page = SelectPage(after);
        Write(writer, page, (long)clock.GetElapsedTime(startTimestamp).TotalMilliseconds);
    }

    private void Collect()
    {
        long? from = null, to = null;
        request.Query.NarrowTimestamp(ref from, ref to);
        if (from > to)
        {
            return;
        }

        var doc = new DocContext();
        var matchedInShard = 0;
        for (var s = 0; s < _shards.Count; s++)
        {
            doc.Shard = _shards[s];
            doc.ShardIndex = s;
            doc.Columns = DocValues.ColumnPlan.For(request.ReadFields, doc.Shard.Mappings);
            matchedInShard = 0;
            Blocks.BlockScan.Run(doc, request.Query, from, to, OnMatch);
        }

        bool OnMatch(DocContext doc, double score)
        {
            if (score < request.MinScore)
            {
                return true;
            }

            if (request.TerminateAfter is { } limit && matchedInShard >= limit)
            {
                _terminatedEarly = true;
                return false;
            }

            matchedInShard++;
            doc.Score = score;
            _aggregations.Collect(doc);
            if (request.PostFilter is not null && !request.PostFilter.Matches(doc, out _))
            {
                return true;
            }

            _total++;
            _maxScore = Math.Max(_maxScore, score);
            if (request.Size > 0)
            {
                var keys = new SortKey[request.Sort.Length];
                for (var i = 0; i < keys.Length; i++)
                {
                    keys[i] = request.Sort[i].KeyOf(doc, score);
                }

                _hits.Add(new Hit(doc.Doc, doc.Shard, doc.ShardIndex, doc.DocIndex, score, keys));
            }

            return true;
        }
    }

    private SortKey[] SearchAfterKeys(JsonElement[] values)
    {
        var keys = new SortKey[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            keys[i] = values[i].ValueKind switch
            {
                JsonValueKind.Null => SortKey.None,
                JsonValueKind.Number => new SortKey(values[i].GetDouble(), null, false),
                JsonValueKind.True => new SortKey(1, null, false),
                JsonValueKind.False => new SortKey(0, null, false),
                _ => IsNumericSort(i) && double.TryParse(values[i].GetString(),
                    System.Globalization.CultureInfo.InvariantCulture, out var n) ? new SortKey(n, null, false) : new SortKey(0, values[i].GetString(), false),
            };
        }

        return keys;
    }

    private bool IsNumericSort(int i) => _shards.Count > 0 && request.Sort[i].Field.Resolve(_shards[0].Mappings).IsNumeric;

    private List<Hit> SelectPage(SortKey[]? after)
    {
        IEnumerable<Hit> candidates = _hits;
        if (after is not null)
        {
            candidates = _hits.Where(h => CompareToAfter(h, after) > 0);
        }

        var list = candidates.ToList();
        list.Sort((a, b) => HitWriter.Compare(a, b, request.Sort));
        return list.Skip(request.From).Take(request.Size).ToList();
    }

    private int CompareToAfter(Hit hit, SortKey[] after)
    {
        for (var i = 0; i < after.Length; i++)
        {
            var c = request.Sort[i].Compare(hit.Keys[i], after[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private void Write(Utf8JsonWriter writer, List<Hit> page, long took)
    {
        writer.WriteStartObject();
        writer.WriteNumber("took", took);
        writer.WriteBoolean("timed_out", false);
        if (_terminatedEarly)
        {
            writer.WriteBoolean("terminated_early", true);
        }

        writer.WriteStartObject("_shards");
        writer.WriteNumber("total", shards.Count);
        writer.WriteNumber("successful", _shards.Count);
        writer.WriteNumber("skipped", 0);
        writer.WriteNumber("failed", _failures.Count);
        if (_failures.Count > 0)
        {
            writer.WriteStartArray("failures");
            foreach (var (shard, error) in _failures)
            {
                writer.WriteStartObject();
                writer.WriteNumber("shard", 0);
                writer.WriteString("index", shard.IndexName);
                writer.WriteString("node", "obs-emulator");
                writer.WritePropertyName("reason");
                Http.ErrorBody.WriteItemError(writer, error);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("hits");
        WriteTotal(writer);
        if (_total > 0 && request.ScoresHits && request.Size > 0)
        {
            writer.WriteNumber("max_score", _maxScore);
        }
        else
        {
            writer.WriteNull("max_score");
        }

        writer.WriteStartArray("hits");
        var options = new HitOptions(request.Source, request.Sort, request.ScoresHits, request.Version, request.SeqNoPrimaryTerm,
            [.. request.Fields]);
        foreach (var hit in page)
        {
            HitWriter.Write(writer, hit, options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (request.Aggregations is not null)
        {
            writer.WriteStartObject("aggregations");
            _aggregations.WriteProperties(writer, new AggregationContext(_shards, request.TypedKeys, queries));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private void WriteTotal(Utf8JsonWriter writer)
    {
        if (!request.TrackTotalHits)
        {
            if (request.RestTotalHitsAsInt)
            {
                writer.WriteNumber("total", -1);
            }

            return;
        }

        var capped = _total > request.TrackTotalHitsUpTo;
        var value = capped ? request.TrackTotalHitsUpTo : _total;
        if (request.RestTotalHitsAsInt)
        {
            writer.WriteNumber("total", value);
            return;
        }

        writer.WriteStartObject("total");
        writer.WriteNumber("value", value);
        writer.WriteString("relation", capped ? "gte" : "eq");
        writer.WriteEndObject();
    }
}
