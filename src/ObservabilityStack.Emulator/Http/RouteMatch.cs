namespace ObservabilityStack.Emulator.Http;

/// <summary>The outcome of routing: a handler with its path values and route template, or the methods the path allows.</summary>
internal sealed record RouteMatch(EsHandler? Handler, Dictionary<string, string>? Values, List<string>? AllowedMethods, string? Template = null);
