using System.Text.Json;
using System.Text.Json.Serialization;
using ObservabilityStack.Elasticsearch.Cluster;
using ObservabilityStack.Elasticsearch.DataStreams;

namespace ObservabilityStack.Elasticsearch.Serialization;

/// <summary>Source-generated (reflection-free) serializers for every typed body the client reads or writes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(BulkResponseWire))]
[JsonSerializable(typeof(BulkItemWire))]
[JsonSerializable(typeof(CountWire))]
[JsonSerializable(typeof(ElasticsearchInfo))]
[JsonSerializable(typeof(ClusterHealth))]
[JsonSerializable(typeof(DataStreamsWire))]
[JsonSerializable(typeof(RolloverResult))]
internal sealed partial class ElasticsearchJsonContext : JsonSerializerContext;
