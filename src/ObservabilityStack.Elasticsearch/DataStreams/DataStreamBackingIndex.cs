using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.DataStreams;

/// <summary>A <c>.ds-</c> backing index of a data stream.</summary>
public sealed class DataStreamBackingIndex
{
    /// <summary>Index name, e.g. <c>.ds-logs-shop-prod-2026.11.21-000001</c>.</summary>
    [JsonPropertyName("index_name")]
    public string IndexName { get; set; } = string.Empty;

    /// <summary>Index UUID.</summary>
    [JsonPropertyName("index_uuid")]
    public string? IndexUuid { get; set; }
}
