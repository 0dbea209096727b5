using System.Text.Json.Serialization;
using ObservabilityStack.Elasticsearch.DataStreams;

namespace ObservabilityStack.Elasticsearch.Serialization;

/// <summary>Wire shape of <c>GET /_data_stream</c>.</summary>
internal sealed class DataStreamsWire
{
    [JsonPropertyName("data_streams")]
    public List<DataStreamInfo> DataStreams { get; set; } = [];
}
