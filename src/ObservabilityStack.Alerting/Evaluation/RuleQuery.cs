using System.Text.Json.Nodes;

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>A search request built for a rule: the index expression and the JSON body.</summary>
/// <param name="Index">Comma-separated index/data-stream patterns.</param>
/// <param name="Body">The search body with <c>size: 0</c> and aggregations.</param>
/// <param name="KqlFilter">The same selection as a KQL string, for Kibana Discover links.</param>
public sealed record RuleQuery(string Index, JsonObject Body, string KqlFilter)
{
    /// <summary>The search path, tolerant of services that have not logged yet.</summary>
    public string Path => $"/{Index}/_search?ignore_unavailable=true&allow_no_indices=true";
}
