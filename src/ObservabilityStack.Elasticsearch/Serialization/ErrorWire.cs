using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.Serialization;

/// <summary>The <c>error</c> object of an item or answer.</summary>
internal sealed class ErrorWire
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [JsonPropertyName("caused_by")]
    public ErrorWire? CausedBy { get; set; }
}
