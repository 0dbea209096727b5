using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Suite;

/// <summary>One named test: an ordered list of steps, each a single-key object (<c>do</c>, <c>match</c>, ...).</summary>
public sealed record TestCase(string Name, IReadOnlyList<JsonObject> Steps);
