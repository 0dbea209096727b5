using System.Globalization;
using System.Text.Json.Nodes;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Elasticsearch.Documents;

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>
/// Builds the one aggregation search each evaluation sends. Groups are nested <c>terms</c> aggregations
/// (<c>g0</c> on <c>service.name</c>, <c>g1</c>... on <c>group_by</c> fields); the leaf holds the
/// type-specific measures. Absence rules use a <c>filters</c> aggregation so silent services still get a bucket.
/// </summary>
public static class RuleQueryBuilder
{
    /// <summary>Largest number of groups per level; beyond it the smallest groups are not evaluated.</summary>
    public const int MaxGroupsPerLevel = 500;

    /// <summary>Builds the search for a rule over a range.</summary>
    public static RuleQuery Build(AlertRule rule, EvaluationRange range)
    {
        var filters = new JsonArray();
        var searchFrom = rule is { Type: RuleType.Exception, NewTypesOnly: true } ? range.From - rule.NewTypeLookback : range.From;
        filters.Add(Range(searchFrom, range.To));
        if (rule.Services.Count > 0)
        {
            filters.Add(new JsonObject { ["terms"] = new JsonObject { [EcsFields.Service] = Strings(rule.Services) } });
        }

        var typeFilter = TypeFilter(rule);
        if (typeFilter is not null)
        {
            filters.Add(typeFilter);
        }

        var body = new JsonObject
        {
            ["size"] = 0,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filters } },
            ["aggs"] = rule.Type == RuleType.Absence ? AbsenceAggs(rule) : GroupAggs(rule, range, GroupFields(rule), 0),
        };
        return new RuleQuery(IndexFor(rule), body, Kql(rule));
    }

    /// <summary>The fields that split a rule into groups, outermost first.</summary>
    public static IReadOnlyList<string> GroupFields(AlertRule rule)
    {
        var fields = new List<string> { EcsFields.Service };
        fields.AddRange(rule.GroupBy.Where(f => f != EcsFields.Service));
        if (rule.Type == RuleType.Exception && !fields.Contains(EcsFields.ErrorType))
        {
            fields.Add(EcsFields.ErrorType);
        }

        return fields;
    }

    /// <summary>The data streams a rule searches: one pattern per service, or every <c>logs-*</c> stream.</summary>
    public static string IndexFor(AlertRule rule)
    {
        var ns = rule.Environment == "*" ? "*" : DataStreamName.Namespace(rule.Environment);
        return rule.Services.Count == 0
            ? $"logs-*-{ns}"
            : string.Join(',', rule.Services.Select(s => $"logs-{DataStreamName.Dataset(s)}-{ns}"));
    }

    internal static JsonObject Range(DateTimeOffset from, DateTimeOffset to) => new()
    {
        ["range"] = new JsonObject
        {
            [EcsFields.Timestamp] = new JsonObject
            {
                ["gte"] = EvaluationRange.Format(from),
                ["lt"] = EvaluationRange.Format(to),
                ["format"] = "strict_date_optional_time",
            },
        },
    };

    private static JsonObject? TypeFilter(AlertRule rule) => rule.Type switch
    {
        RuleType.HttpStatus or RuleType.RequestRate => Exists(EcsFields.StatusCode),
        RuleType.Exception when rule.ErrorTypes.Count > 0 =>
            new JsonObject { ["terms"] = new JsonObject { [EcsFields.ErrorType] = Strings(rule.ErrorTypes) } },
        RuleType.Exception => Exists(EcsFields.ErrorType),
        RuleType.Query => new JsonObject { ["query_string"] = new JsonObject { ["query"] = rule.Query } },
        _ => null,
    };

    private static JsonObject GroupAggs(AlertRule rule, EvaluationRange range, IReadOnlyList<string> fields, int level)
    {
        var terms = new JsonObject
        {
            ["terms"] = new JsonObject { ["field"] = fields[level], ["size"] = MaxGroupsPerLevel },
            ["aggs"] = level + 1 < fields.Count ? GroupAggs(rule, range, fields, level + 1) : LeafAggs(rule, range),
        };
        return new JsonObject { [$"g{level}"] = terms };
    }

    private static JsonObject LeafAggs(AlertRule rule, EvaluationRange range)
    {
        var aggs = new JsonObject();
        switch (rule.Type)
        {
            case RuleType.HttpStatus:
                aggs["bad"] = new JsonObject
                {
                    ["filter"] = StatusFilter(rule.StatusCodes),
                    ["aggs"] = new JsonObject
                    {
                        ["paths"] = Terms(EcsFields.UrlPath, rule.TopN),
                        ["codes"] = Terms(EcsFields.StatusCode, rule.TopN),
                        ["samples"] = Samples(rule.TopN),
                    },
                };
                break;
            case RuleType.RequestRate:
                aggs["ips"] = Terms(EcsFields.ClientIp, rule.TopN);
                aggs["paths"] = Terms(EcsFields.UrlPath, rule.TopN);
                break;
            case RuleType.Exception when rule.NewTypesOnly:
                aggs["earlier"] = new JsonObject { ["filter"] = Range(range.From - rule.NewTypeLookback, range.From) };
                aggs["recent"] = new JsonObject
                {
                    ["filter"] = Range(range.From, range.To),
                    ["aggs"] = new JsonObject { ["samples"] = Samples(rule.TopN) },
                };
                break;
            case RuleType.Query when rule.Metric.StartsWith("cardinality:", StringComparison.Ordinal):
                aggs["metric"] = new JsonObject { ["cardinality"] = new JsonObject { ["field"] = rule.Metric["cardinality:".Length..] } };
                aggs["samples"] = Samples(rule.TopN);
                break;
            default:
                aggs["samples"] = Samples(rule.TopN);
                break;
        }

        return aggs;
    }

    private static JsonObject AbsenceAggs(AlertRule rule)
    {
        var filters = new JsonObject();
        foreach (var service in rule.Services)
        {
            filters[service] = new JsonObject { ["term"] = new JsonObject { [EcsFields.Service] = service } };
        }

        return new JsonObject { ["services"] = new JsonObject { ["filters"] = new JsonObject { ["filters"] = filters } } };
    }

    internal static JsonObject StatusFilter(IReadOnlyList<StatusCodeRange> codes)
    {
        var should = new JsonArray();
        foreach (var code in codes)
        {
            should.Add(new JsonObject
            {
                ["range"] = new JsonObject { [EcsFields.StatusCode] = new JsonObject { ["gte"] = code.From, ["lte"] = code.To } },
            });
        }

        return new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } };
    }

    private static JsonObject Terms(string field, int size) =>
        new() { ["terms"] = new JsonObject { ["field"] = field, ["size"] = size } };

    private static JsonObject Samples(int size) => new()
    {
        ["top_hits"] = new JsonObject
        {
            ["size"] = size,
            ["sort"] = new JsonArray(new JsonObject { [EcsFields.Timestamp] = new JsonObject { ["order"] = "desc" } }),
        },
    };

    private static JsonObject Exists(string field) => new() { ["exists"] = new JsonObject { ["field"] = field } };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static string Kql(AlertRule rule)
    {
        var parts = new List<string>();
        if (rule.Services.Count > 0)
        {
            parts.Add($"{EcsFields.Service}:({string.Join(" or ", rule.Services.Select(Quote))})");
        }

        switch (rule.Type)
        {
            case RuleType.HttpStatus:
                parts.Add("(" + string.Join(" or ", rule.StatusCodes.Select(c => string.Create(CultureInfo.InvariantCulture,
                    $"{EcsFields.StatusCode} >= {c.From} and {EcsFields.StatusCode} <= {c.To}"))) + ")");
                break;
            case RuleType.RequestRate:
                parts.Add($"{EcsFields.StatusCode}:*");
                break;
            case RuleType.Exception:
                parts.Add(rule.ErrorTypes.Count > 0
                    ? $"{EcsFields.ErrorType}:({string.Join(" or ", rule.ErrorTypes.Select(Quote))})"
                    : $"{EcsFields.ErrorType}:*");
                break;
            case RuleType.Query:
                parts.Add($"({rule.Query})");
                break;
        }

        return string.Join(" and ", parts);
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
