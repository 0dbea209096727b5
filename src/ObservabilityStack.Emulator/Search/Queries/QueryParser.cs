using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>
/// Compiles the query DSL into a <see cref="Query"/> tree once per request, answering bad input with
/// Elasticsearch's <c>parsing_exception</c> wording.
/// </summary>
internal sealed partial class QueryParser(long nowMillis, IReadOnlyList<ISearchShard> shards)
{
    /// <summary>Compiles a query object; null or absent means match_all.</summary>
    public Query Parse(JsonElement? query)
    {
        if (query is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return MatchAllQuery.All;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw EmulatorException.Parsing("[_na] query malformed, must start with start_object");
        }

        string? type = null;
        JsonElement body = default;
        foreach (var property in element.EnumerateObject())
        {
            if (type is not null)
            {
                throw EmulatorException.Parsing($"[{type}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]");
            }

            type = property.Name;
            body = property.Value;
        }

        return type is null ? MatchAllQuery.All : ParseTyped(type, body);
    }

    private Query ParseTyped(string type, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object && type is not ("ids" or "query_string" or "simple_query_string"))
        {
            throw EmulatorException.Parsing($"[{type}] query malformed, no start_object after query name");
        }

        return type switch
        {
            "match_all" => new MatchAllQuery(true, Options(type, body, [])),
            "match_none" => new MatchAllQuery(false, Options(type, body, [])),
            "bool" => ParseBool(body),
            "constant_score" => ParseConstantScore(body),
            "dis_max" => ParseDisMax(body),
            "term" => ParseTerm(body),
            "terms" => ParseTerms(body),
            "range" => ParseRange(body),
            "exists" => ParseExists(body),
            "ids" => ParseIds(body),
            "prefix" or "wildcard" or "regexp" => ParsePattern(type, body),
            "match" => ParseMatch(body),
            "match_phrase" or "match_phrase_prefix" => ParsePhrase(type, body),
            "multi_match" => ParseMultiMatch(body),
            "query_string" => QueryStringParser.Parse(body, false, this),
            "simple_query_string" => QueryStringParser.Parse(body, true, this),
            _ => throw EmulatorException.Parsing($"unknown query [{type}]"),
        };
    }

    private BoolQuery ParseBool(JsonElement body)
    {
        List<Query> must = [], filter = [], should = [], mustNot = [];
        string? minimumShouldMatch = null;
        var boost = 1.0;
        foreach (var property in body.EnumerateObject())
        {
            var target = property.Name switch
            {
                "must" => must,
                "filter" => filter,
                "should" => should,
                "must_not" or "mustNot" => mustNot,
                _ => null,
            };
            if (target is not null)
            {
                AddClauses(property.Value, target);
                continue;
            }

            switch (property.Name)
            {
                case "minimum_should_match":
                    minimumShouldMatch = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetRawText() : property.Value.GetString();
                    break;
                case "boost":
                    boost = property.Value.GetDouble();
                    break;
                case "_name" or "adjust_pure_negative":
                    break;
                default:
                    throw EmulatorException.Parsing($"[bool] query does not support [{property.Name}]");
            }
        }

        var defaultMinimum = should.Count > 0 && must.Count == 0 && filter.Count == 0 ? 1 : 0;
        var minimum = BoolQuery.ResolveMinimumShouldMatch(minimumShouldMatch, should.Count, defaultMinimum);
        return new BoolQuery([.. must], [.. filter], [.. should], [.. mustNot], minimum, boost);
    }

    private void AddClauses(JsonElement value, List<Query> target)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                target.Add(Parse(item));
            }
        }
        else
        {
            target.Add(Parse(value));
        }
    }

    private ConstantScoreQuery ParseConstantScore(JsonElement body)
    {
        Query? filter = null;
        var boost = ReadOptions("constant_score", body, property =>
        {
            filter = property.Name == "filter" ? Parse(property.Value) : filter;
            return property.Name == "filter";
        });
        return new ConstantScoreQuery(filter ?? throw EmulatorException.Parsing("[constant_score] requires a 'filter' element"), boost);
    }

    private DisMaxQuery ParseDisMax(JsonElement body)
    {
        List<Query> queries = [];
        var tieBreaker = 0.0;
        var boost = ReadOptions("dis_max", body, property =>
        {
            switch (property.Name)
            {
                case "queries":
                    AddClauses(property.Value, queries);
                    return true;
                case "tie_breaker":
                    tieBreaker = property.Value.GetDouble();
                    return true;
                default:
                    return false;
            }
        });
        return new DisMaxQuery([.. queries], tieBreaker, boost);
    }

    // Reads the common options of simple queries (boost, _name), rejecting anything not in allowed.
    private static double Options(string type, JsonElement body, string[] allowed) =>
        ReadOptions(type, body, property => Array.IndexOf(allowed, property.Name) >= 0);

    // Walks a query's options: boost and _name are handled here, the rest by handle, which returns false for unknown names.
    private static double ReadOptions(string type, JsonElement body, Func<JsonProperty, bool> handle)
    {
        var boost = 1.0;
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name == "boost")
            {
                boost = property.Value.GetDouble();
            }
            else if (property.Name != "_name" && !handle(property))
            {
                throw EmulatorException.Parsing($"[{type}] query does not support [{property.Name}]");
            }
        }

        return boost;
    }
}
