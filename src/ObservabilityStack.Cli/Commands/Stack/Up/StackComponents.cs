namespace ObservabilityStack.Cli.Commands.Stack.Up;

/// <summary>
/// The parts <c>obs up</c> starts after Elasticsearch is ready and bootstrapped, in start order
/// (they stop in reverse). Gateway, alert engine and samples add one line each here when their
/// hosting APIs land (e.g. <c>new GatewayComponent()</c> built on <c>GatewayHost.StartAsync</c>).
/// </summary>
internal static class StackComponents
{
    /// <summary>Creates the components to start.</summary>
    public static IReadOnlyList<IStackComponent> Create() => [new Gateway.GatewayComponent()];

    /// <summary>Parts that are planned but not yet runnable from <c>obs up</c>; listed so users know.</summary>
    public static IReadOnlyList<string> NotYetAvailable { get; } = ["alerting", "samples"];
}
