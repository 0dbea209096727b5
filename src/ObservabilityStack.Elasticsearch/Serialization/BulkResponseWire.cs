using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.Serialization;

/// <summary>Wire shape of a <c>_bulk</c> answer.</summary>
internal sealed class BulkResponseWire
{
    [JsonPropertyName("took")]
    public long Took { get; set; }

    [JsonPropertyName("errors")]
    public bool Errors { get; set; }

    [JsonPropertyName("items")]
    public List<Dictionary<string, BulkItemWire>> Items { get; set; } = [];
}
