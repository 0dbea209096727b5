using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>A response as the assertions see it.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">Parsed JSON body; a string for non-JSON bodies; for HEAD, true on 2xx else false.</param>
/// <param name="Text">The raw body text (what <c>catch: /regex/</c> is matched against).</param>
/// <param name="Warnings">Values of <c>Warning</c> headers.</param>
public sealed record RestResponse(int Status, JsonNode? Body, string Text, IReadOnlyList<string> Warnings);
