using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.DataStreams;

/// <summary>One data stream from <c>GET /_data_stream</c>.</summary>
public sealed class DataStreamInfo
{
    /// <summary>Data stream name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Rollover generation (1 for a new stream).</summary>
    [JsonPropertyName("generation")]
    public long Generation { get; set; }

    /// <summary>Health: <c>GREEN</c>, <c>YELLOW</c>, <c>RED</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The index template that created it.</summary>
    [JsonPropertyName("template")]
    public string? Template { get; set; }

    /// <summary>The ILM policy of its backing indices, if any.</summary>
    [JsonPropertyName("ilm_policy")]
    public string? IlmPolicy { get; set; }

    /// <summary>Backing indices, oldest first; the last one is the write index.</summary>
    [JsonPropertyName("indices")]
    public List<DataStreamBackingIndex> Indices { get; set; } = [];
}
