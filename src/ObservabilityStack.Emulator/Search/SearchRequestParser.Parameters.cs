using System.Globalization;
using ObservabilityStack.Emulator.Search.Hits;
using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search;

/// <summary>URL parameters of <c>_search</c>; they win over the body, as in Elasticsearch.</summary>
internal static partial class SearchRequestParser
{
    /// <summary>Compiles the <c>q</c> parameter (Lucene syntax) with <c>df</c> and <c>default_operator</c>, or null.</summary>
    public static Query? QueryFromParameters(IReadOnlyDictionary<string, string> parameters, long nowMillis)
    {
        if (!parameters.TryGetValue("q", out var q))
        {
            return null;
        }

        var and = parameters.TryGetValue("default_operator", out var op) && string.Equals(op, "and", StringComparison.OrdinalIgnoreCase);
        string[] fields = parameters.TryGetValue("df", out var df) ? [df] : [];
        return QueryStringParser.Parse(q, false, and, fields, nowMillis);
    }

    private static void ApplyParameters(SearchRequest request, IReadOnlyDictionary<string, string> parameters, long nowMillis)
    {
        if (QueryFromParameters(parameters, nowMillis) is { } query)
        {
            request.Query = query;
        }

        foreach (var (name, value) in parameters)
        {
            switch (name)
            {
                case "size":
                    request.Size = ParseInt(name, value);
                    break;
                case "from":
                    request.From = ParseInt(name, value);
                    break;
                case "sort":
                    request.Sort = SortParser.ParseParameter(value);
                    break;
                case "track_total_hits":
                    ApplyTrackTotalHits(request, value);
                    break;
                case "typed_keys":
                    request.TypedKeys = IsTrue(value);
                    break;
                case "version":
                    request.Version = IsTrue(value);
                    break;
                case "seq_no_primary_term":
                    request.SeqNoPrimaryTerm = IsTrue(value);
                    break;
                case "track_scores":
                    request.TrackScores = IsTrue(value);
                    break;
                case "terminate_after":
                    request.TerminateAfter = ParseInt(name, value);
                    break;
                case "docvalue_fields":
                    foreach (var field in SourceFilter.Split(value))
                    {
                        request.Fields.Add(new DocValueField(field, null));
                    }

                    break;
            }
        }

        ApplySourceParameters(request, parameters);
        if (parameters.TryGetValue("rest_total_hits_as_int", out var asInt) && IsTrue(asInt))
        {
            request.RestTotalHitsAsInt = true;
            if (request.TrackTotalHits && request.TrackTotalHitsUpTo == 10_000 && !parameters.ContainsKey("track_total_hits"))
            {
                request.TrackTotalHitsUpTo = int.MaxValue;
            }
            else if (request.TrackTotalHits && request.TrackTotalHitsUpTo != int.MaxValue)
            {
                throw EmulatorException.IllegalArgument(
                    $"[rest_total_hits_as_int] cannot be used if the tracking of total hits is not accurate, got {request.TrackTotalHitsUpTo}");
            }
        }
    }

    private static void ApplySourceParameters(SearchRequest request, IReadOnlyDictionary<string, string> parameters)
    {
        var includes = parameters.TryGetValue("_source_includes", out var inc) ? SourceFilter.Split(inc) : null;
        var excludes = parameters.TryGetValue("_source_excludes", out var exc) ? SourceFilter.Split(exc) : null;
        if (parameters.TryGetValue("_source", out var source))
        {
            request.Source = source switch
            {
                "true" => SourceFilter.All,
                "false" => new SourceFilter(false, [], []),
                _ => new SourceFilter(true, SourceFilter.Split(source), []),
            };
        }

        if (includes is not null || excludes is not null)
        {
            request.Source = new SourceFilter(true, includes ?? request.Source.Includes, excludes ?? request.Source.Excludes);
        }
    }

    private static void Validate(SearchRequest request, IReadOnlyList<ISearchShard> shards)
    {
        var maxResultWindow = shards.Count == 0 ? MaxResultWindow : shards.Min(s => s.MaxResultWindow);
        if (request.Size < 0)
        {
            throw EmulatorException.IllegalArgument($"[size] parameter cannot be negative, found [{request.Size}]");
        }

        if (request.From < 0)
        {
            throw EmulatorException.IllegalArgument($"[from] parameter cannot be negative, found [{request.From}]");
        }

        if ((long)request.From + request.Size > maxResultWindow)
        {
            throw EmulatorException.IllegalArgument(
                $"Result window is too large, from + size must be less than or equal to: [{maxResultWindow}] but was [{(long)request.From + request.Size}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.");
        }

        if (request.TerminateAfter is <= 0)
        {
            throw EmulatorException.IllegalArgument("terminateAfter must be > 0");
        }

        if (request.SearchAfter is { } after)
        {
            if (request.Sort.Length == 0)
            {
                throw EmulatorException.IllegalArgument("Sort must contain at least one field.");
            }

            if (after.Length != request.Sort.Length)
            {
                throw EmulatorException.IllegalArgument(
                    $"search_after has {after.Length} value(s) but sort has {request.Sort.Length}.");
            }

            if (request.From > 0)
            {
                throw EmulatorException.IllegalArgument("[from] parameter must be set to 0 when [search_after] is used");
            }
        }
    }

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw EmulatorException.IllegalArgument($"Failed to parse int parameter [{name}] with value [{value}]");

    private static bool IsTrue(string value) => value is "" or "true";
}
