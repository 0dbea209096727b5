namespace ObservabilityStack.Agent.Check;

/// <summary>One step of <c>obs agent check</c>.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Ok">Whether it passed.</param>
/// <param name="Detail">What was found, and on failure what to do.</param>
public sealed record CheckResult(string Name, bool Ok, string Detail);
