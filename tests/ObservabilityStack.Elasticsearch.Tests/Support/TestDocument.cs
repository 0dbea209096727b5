using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.Tests.Support;

public sealed record TestDocument([property: JsonPropertyName("message")] string Message, [property: JsonPropertyName("count")] int Count);
