namespace ObservabilityStack.Cli.Commands.Stack.Up;

/// <summary>One row of <c>obs up</c>'s "what runs where" table.</summary>
/// <param name="Name">Part name.</param>
/// <param name="Where">URL or path.</param>
/// <param name="Notes">What it is for.</param>
internal sealed record StackEndpoint(string Name, string Where, string Notes);
