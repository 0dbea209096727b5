using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.Tests.Support;

[JsonSerializable(typeof(TestDocument))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
