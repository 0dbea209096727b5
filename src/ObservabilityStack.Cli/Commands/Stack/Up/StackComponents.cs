namespace ObservabilityStack.Cli.Commands.Stack.Up;

/// <summary>
/// The parts <c>obs up</c> starts after Elasticsearch is ready and bootstrapped, in start order
/// (they stop in reverse). The alert engine and the samples add one line each here when their
/// hosting APIs land, like <see cref="Gateway.GatewayComponent"/> on <c>GatewayHost.StartAsync</c>.
/// </summary>
internal static class StackComponents
{
    /// <summary>Creates the components to start.</summary>
    public static IReadOnlyList<IStackComponent> Create(Core.CliEnvironment environment) =>
        [new Gateway.GatewayComponent(), new Alerting.AlertingComponent(environment), new SamplesComponent()];

    /// <summary>Parts that are planned but not yet runnable from <c>obs up</c>; listed so users know.</summary>
    public static IReadOnlyList<string> NotYetAvailable { get; } = [];
}
