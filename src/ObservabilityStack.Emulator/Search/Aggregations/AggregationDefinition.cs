using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Aggregations;

/// <summary>What every aggregation has: name, type, body, optional <c>meta</c>, and sub-aggregation prototypes.</summary>
internal sealed record AggregationDefinition(string Name, string Type, JsonElement Body, JsonElement? Meta, long NowMillis,
    Aggregator[] SubAggregations);
