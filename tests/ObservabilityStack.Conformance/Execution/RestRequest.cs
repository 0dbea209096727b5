namespace ObservabilityStack.Conformance.Execution;

/// <summary>A fully resolved HTTP request.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Escaped path with query string, e.g. <c>/test/_doc/1?refresh=true</c>.</param>
/// <param name="Body">Body text, or null for none.</param>
/// <param name="ContentType">Content type of the body.</param>
/// <param name="Headers">Extra headers from the step's <c>headers</c>.</param>
public sealed record RestRequest(
    HttpMethod Method,
    string PathAndQuery,
    string? Body,
    string ContentType,
    IReadOnlyDictionary<string, string> Headers);
