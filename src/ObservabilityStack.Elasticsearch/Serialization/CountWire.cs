using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.Serialization;

/// <summary>Wire shape of a <c>_count</c> answer.</summary>
internal sealed class CountWire
{
    [JsonPropertyName("count")]
    public long Count { get; set; }
}
