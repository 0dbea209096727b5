using System.Globalization;
using System.Text.Json;
using ObservabilityStack.Emulator.Search.Aggregations;
using ObservabilityStack.Emulator.Search.Hits;
using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search;

/// <summary>Reads a search body and URL parameters into a <see cref="SearchRequest"/>, validating like Elasticsearch.</summary>
internal static partial class SearchRequestParser
{
    private const int MaxResultWindow = 10_000;

    private static readonly HashSet<string> IgnoredKeys = ["timeout", "explain", "highlight", "indices_boost", "profile", "stats",
        "runtime_mappings", "suggest", "rescore", "script_fields", "ext", "slice", "pit", "collapse", "knn", "rank", "retriever",
        "track_scores_ignored"];

    /// <summary>Parses a search request.</summary>
    public static SearchRequest Parse(JsonElement? body, IReadOnlyDictionary<string, string> parameters, QueryParser queries,
        long nowMillis, IReadOnlyList<ISearchShard> shards)
    {
        var request = new SearchRequest();
        return Fields.RequestFields.Collecting(request.ReadFields, () => Fill(request, body, parameters, queries, nowMillis, shards));
    }

    private static SearchRequest Fill(SearchRequest request, JsonElement? body, IReadOnlyDictionary<string, string> parameters,
        QueryParser queries, long nowMillis, IReadOnlyList<ISearchShard> shards)
    {
        if (body is { ValueKind: JsonValueKind.Object } element)
        {
            foreach (var property in element.EnumerateObject())
            {
                ApplyBodyKey(request, property, queries, nowMillis);
            }
        }
        else if (body is { } other && other.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            throw EmulatorException.Parsing($"Unexpected token {SourceFilter.Token(other)} while parsing the search body");
        }

        ApplyParameters(request, parameters, nowMillis);
        Validate(request, shards);
        return request;
    }

    private static void ApplyBodyKey(SearchRequest request, JsonProperty property, QueryParser queries, long nowMillis)
    {
        var value = property.Value;
        switch (property.Name)
        {
            case "query":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    throw EmulatorException.Parsing($"Unknown key for a {SourceFilter.Token(value)} in [query].");
                }

                request.Query = queries.Parse(value);
                break;
            case "post_filter":
                request.PostFilter = queries.Parse(value);
                break;
            case "from":
                request.From = Int(value, "from");
                break;
            case "size":
                request.Size = Int(value, "size");
                break;
            case "sort":
                request.Sort = SortParser.Parse(value);
                break;
            case "_source":
                request.Source = SourceFilter.Parse(value);
                break;
            case "search_after":
                request.SearchAfter = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value];
                break;
            case "track_total_hits":
                ApplyTrackTotalHits(request, value.ValueKind switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => value.GetRawText(),
                });
                break;
            case "aggs" or "aggregations":
                request.Aggregations = AggregationParser.Parse(value, queries, nowMillis);
                break;
            case "docvalue_fields" or "fields":
                AddFields(request, value);
                break;
            case "stored_fields":
                var stored = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()).ToArray() : [value.GetString()];
                if (!stored.Contains("_source"))
                {
                    request.Source = new SourceFilter(false, [], []);
                }

                break;
            case "version":
                request.Version = value.ValueKind == JsonValueKind.True;
                break;
            case "seq_no_primary_term":
                request.SeqNoPrimaryTerm = value.ValueKind == JsonValueKind.True;
                break;
            case "track_scores":
                request.TrackScores = value.ValueKind == JsonValueKind.True;
                break;
            case "min_score":
                request.MinScore = value.GetDouble();
                break;
            case "terminate_after":
                request.TerminateAfter = Int(value, "terminate_after");
                break;
            default:
                if (!IgnoredKeys.Contains(property.Name))
                {
                    throw EmulatorException.Parsing($"Unknown key for a {SourceFilter.Token(value)} in [{property.Name}].");
                }

                break;
        }
    }

    private static void AddFields(SearchRequest request, JsonElement value)
    {
        foreach (var item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value])
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                request.Fields.Add(new DocValueField(item.GetString()!, null));
            }
            else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("field", out var field))
            {
                request.Fields.Add(new DocValueField(field.GetString()!, item.TryGetProperty("format", out var f) ? f.GetString() : null));
            }
        }
    }

    private static int Int(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw EmulatorException.Parsing($"[{name}] failed to parse field [{name}]");
    }

    private static void ApplyTrackTotalHits(SearchRequest request, string value)
    {
        switch (value)
        {
            case "true":
                request.TrackTotalHits = true;
                request.TrackTotalHitsUpTo = int.MaxValue;
                return;
            case "false":
                request.TrackTotalHits = false;
                return;
        }

        if (!int.TryParse(value, CultureInfo.InvariantCulture, out var limit))
        {
            throw EmulatorException.IllegalArgument($"Failed to parse value [{value}] as only [true] or [false] are allowed.");
        }

        if (limit < -1)
        {
            throw EmulatorException.IllegalArgument($"[track_total_hits] parameter must be positive or equals to -1, got {limit}");
        }

        request.TrackTotalHits = true;
        request.TrackTotalHitsUpTo = limit == -1 ? int.MaxValue : limit;
    }
}
