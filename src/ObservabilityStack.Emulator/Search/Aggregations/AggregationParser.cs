using System.Text.Json;
using ObservabilityStack.Emulator.Search.Aggregations.Buckets;
using ObservabilityStack.Emulator.Search.Aggregations.Metrics;
using ObservabilityStack.Emulator.Search.Hits;
using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search.Aggregations;

/// <summary>Compiles <c>aggs</c>/<c>aggregations</c> into aggregator prototypes, with Elasticsearch's errors.</summary>
internal static class AggregationParser
{
    private static readonly HashSet<string> Metrics = ["min", "max", "avg", "sum", "stats", "extended_stats", "value_count",
        "cardinality", "percentiles", "top_hits"];

    /// <summary>Parses an aggregations object.</summary>
    public static Aggregator[] Parse(JsonElement aggs, QueryParser queries, long nowMillis)
    {
        if (aggs.ValueKind != JsonValueKind.Object)
        {
            throw EmulatorException.Parsing($"Unexpected token {SourceFilter.Token(aggs)} in [aggs].");
        }

        var result = new List<Aggregator>();
        foreach (var property in aggs.EnumerateObject())
        {
            result.Add(ParseOne(property.Name, property.Value, queries, nowMillis));
        }

        return [.. result];
    }

    private static Aggregator ParseOne(string name, JsonElement body, QueryParser queries, long nowMillis)
    {
        if (name.AsSpan().IndexOfAny('[', ']', '>') >= 0)
        {
            throw EmulatorException.Parsing($"Invalid aggregation name [{name}]. Aggregation names can contain any character except '[', ']', and '>'");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw EmulatorException.Parsing($"Aggregation definition for [{name}] starts with a [{SourceFilter.Token(body)}], expected a [START_OBJECT].");
        }

        string? type = null;
        JsonElement typeBody = default;
        JsonElement? meta = null;
        Aggregator[] subs = [];
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "aggs" or "aggregations":
                    subs = Parse(property.Value, queries, nowMillis);
                    break;
                case "meta":
                    meta = property.Value;
                    break;
                default:
                    if (type is not null)
                    {
                        throw EmulatorException.Parsing($"Found two aggregation type definitions in [{name}]: [{type}] and [{property.Name}]");
                    }

                    type = property.Name;
                    typeBody = property.Value;
                    break;
            }
        }

        if (type is null)
        {
            throw EmulatorException.Parsing($"Missing definition for aggregation [{name}]");
        }

        if (subs.Length > 0 && Metrics.Contains(type))
        {
            throw new EmulatorException(400, "aggregation_initialization_exception",
                $"Aggregator [{name}] of type [{type}] cannot accept sub-aggregations");
        }

        if (typeBody.ValueKind != JsonValueKind.Object)
        {
            throw EmulatorException.Parsing($"Expected [START_OBJECT] under [{type}], but got a [{SourceFilter.Token(typeBody)}] in [{name}]");
        }

        var definition = new AggregationDefinition(name, type, typeBody, meta, nowMillis, subs);
        return type switch
        {
            "terms" => new TermsAggregator(definition),
            "histogram" or "date_histogram" => new HistogramAggregator(definition),
            "range" or "date_range" => new RangeAggregator(definition),
            "filter" or "missing" or "global" => new SingleBucketAggregator(definition, queries),
            "filters" => new FiltersAggregator(definition, queries),
            "min" or "max" or "avg" or "sum" or "stats" or "extended_stats" => new NumericMetricAggregator(definition),
            "value_count" or "cardinality" => new CountingAggregator(definition),
            "percentiles" => new PercentilesAggregator(definition),
            "top_hits" => new TopHitsAggregator(definition),
            _ => throw EmulatorException.Parsing($"Unknown aggregation type [{type}]"),
        };
    }
}
