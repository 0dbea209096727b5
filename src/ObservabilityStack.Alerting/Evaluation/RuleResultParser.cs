using System.Text.Json;
using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>Turns the aggregation answer of a <see cref="RuleQueryBuilder"/> search into per-group values.</summary>
public static class RuleResultParser
{
    /// <summary>Parses a search response body; groups come back sorted by value, largest first.</summary>
    public static IReadOnlyList<GroupResult> Parse(AlertRule rule, EvaluationRange range, JsonElement response)
    {
        var groups = new List<GroupResult>();
        if (!response.TryGetProperty("aggregations", out var aggs))
        {
            // A search over no indices at all may come back without aggregations: no data, no groups,
            // except absence rules, for which no data is exactly the finding.
            aggs = default;
        }

        if (rule.Type == RuleType.Absence)
        {
            ParseAbsence(rule, aggs, groups);
        }
        else if (aggs.ValueKind == JsonValueKind.Object)
        {
            Walk(rule, range, aggs, RuleQueryBuilder.GroupFields(rule), 0, new Dictionary<string, string>(StringComparer.Ordinal), groups);
        }

        groups.Sort((a, b) => b.Value.CompareTo(a.Value));
        return groups;
    }

    private static void ParseAbsence(AlertRule rule, JsonElement aggs, List<GroupResult> groups)
    {
        JsonElement buckets = default;
        var hasBuckets = aggs.ValueKind == JsonValueKind.Object
            && aggs.TryGetProperty("services", out var services)
            && services.TryGetProperty("buckets", out buckets);
        foreach (var service in rule.Services)
        {
            long count = 0;
            if (hasBuckets && buckets.ValueKind == JsonValueKind.Object && buckets.TryGetProperty(service, out var bucket))
            {
                count = SourceFields.Long(bucket, "doc_count");
            }

            groups.Add(new GroupResult
            {
                Key = service,
                Fields = new Dictionary<string, string> { [EcsFields.Service] = service },
                Value = count,
                Matched = count,
                Total = count,
            });
        }
    }

    private static void Walk(AlertRule rule, EvaluationRange range, JsonElement aggs, IReadOnlyList<string> fields, int level,
        Dictionary<string, string> values, List<GroupResult> groups)
    {
        if (!aggs.TryGetProperty($"g{level}", out var terms) || !terms.TryGetProperty("buckets", out var buckets))
        {
            return;
        }

        foreach (var bucket in buckets.EnumerateArray())
        {
            values[fields[level]] = SourceFields.Key(bucket);
            if (level + 1 < fields.Count)
            {
                Walk(rule, range, bucket, fields, level + 1, values, groups);
            }
            else
            {
                var group = Leaf(rule, range, bucket, new Dictionary<string, string>(values, StringComparer.Ordinal),
                    string.Join('/', fields.Select(f => values[f])));
                if (group is not null)
                {
                    groups.Add(group);
                }
            }
        }

        values.Remove(fields[level]);
    }

    private static GroupResult? Leaf(AlertRule rule, EvaluationRange range, JsonElement bucket, Dictionary<string, string> fields, string key)
    {
        var total = SourceFields.Long(bucket, "doc_count");
        var group = new GroupResult { Key = key, Fields = fields, Total = total, Matched = total, Value = total };
        switch (rule.Type)
        {
            case RuleType.HttpStatus:
                var bad = bucket.GetProperty("bad");
                var matched = SourceFields.Long(bad, "doc_count");
                return group with
                {
                    Matched = matched,
                    Value = rule.Measure == HttpStatusMeasure.Count ? matched : total == 0 ? 0 : matched * 100.0 / total,
                    HasEnoughData = rule.Measure == HttpStatusMeasure.Count || total >= rule.MinRequests,
                    Top = new Dictionary<string, IReadOnlyList<TopItem>>
                    {
                        [EcsFields.UrlPath] = Top(bad, "paths"),
                        [EcsFields.StatusCode] = Top(bad, "codes"),
                    },
                    Samples = Samples(bad),
                };
            case RuleType.RequestRate:
                return group with
                {
                    Value = range.Length.TotalSeconds <= 0 ? 0 : total / range.Length.TotalSeconds,
                    Top = new Dictionary<string, IReadOnlyList<TopItem>>
                    {
                        [EcsFields.ClientIp] = Top(bucket, "ips"),
                        [EcsFields.UrlPath] = Top(bucket, "paths"),
                    },
                };
            case RuleType.Exception when rule.NewTypesOnly:
                var recent = bucket.GetProperty("recent");
                var recentCount = SourceFields.Long(recent, "doc_count");
                // A type seen before the window is not new; a type not seen in the window is not happening.
                if (SourceFields.Long(bucket.GetProperty("earlier"), "doc_count") > 0 || recentCount == 0)
                {
                    return null;
                }

                return group with { Matched = recentCount, Total = recentCount, Value = recentCount, Samples = Samples(recent) };
            case RuleType.Query when bucket.TryGetProperty("metric", out var metric):
                return group with { Value = SourceFields.Double(metric, "value"), Samples = Samples(bucket) };
            default:
                return group with { Samples = Samples(bucket) };
        }
    }

    private static List<TopItem> Top(JsonElement parent, string name)
    {
        var items = new List<TopItem>();
        if (parent.TryGetProperty(name, out var agg) && agg.TryGetProperty("buckets", out var buckets))
        {
            foreach (var b in buckets.EnumerateArray())
            {
                items.Add(new TopItem(SourceFields.Key(b), SourceFields.Long(b, "doc_count")));
            }
        }

        return items;
    }

    private static List<string> Samples(JsonElement parent)
    {
        var lines = new List<string>();
        if (parent.TryGetProperty("samples", out var agg) && agg.TryGetProperty("hits", out var hits)
            && hits.TryGetProperty("hits", out var list))
        {
            foreach (var hit in list.EnumerateArray())
            {
                if (hit.TryGetProperty("_source", out var source))
                {
                    lines.Add(SourceFields.Render(source));
                }
            }
        }

        return lines;
    }
}
