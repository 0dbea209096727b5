using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.Serialization;

/// <summary>Wire shape of one bulk item result (also the answer of single-document writes).</summary>
internal sealed class BulkItemWire
{
    [JsonPropertyName("_index")]
    public string? Index { get; set; }

    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    [JsonPropertyName("_version")]
    public long? Version { get; set; }

    [JsonPropertyName("_seq_no")]
    public long? SeqNo { get; set; }

    [JsonPropertyName("result")]
    public string? Result { get; set; }

    [JsonPropertyName("status")]
    public int Status { get; set; }

    [JsonPropertyName("error")]
    public ErrorWire? Error { get; set; }
}
