using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Tests.Support;

/// <summary>An emulator answer: status, parsed body (null when empty) and headers.</summary>
public sealed record EsAnswer(HttpStatusCode Status, JsonNode? Body, string Raw, HttpResponseHeaders Headers, string? ContentType)
{
    public int Code => (int)Status;

    public JsonNode Json => Body ?? throw new InvalidOperationException("empty body");

    public string? ErrorType => Body?["error"]?["type"]?.GetValue<string>();

    public string? ErrorReason => Body?["error"]?["reason"]?.GetValue<string>();
}
