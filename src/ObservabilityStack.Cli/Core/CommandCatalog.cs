using ObservabilityStack.Cli.Commands.Logs;
using ObservabilityStack.Cli.Commands.Stack;

namespace ObservabilityStack.Cli.Core;

/// <summary>
/// The one list of <c>obs</c> commands. Adding a command is one line here plus its class in
/// <c>Commands/&lt;Noun&gt;/&lt;Verb&gt;Command.cs</c>. A guard test checks the list for duplicate
/// names and missing or copied help text.
/// </summary>
internal static class CommandCatalog
{
    /// <summary>Help text for command groups (<c>obs keys ...</c>), created when a command needs them.</summary>
    public static IReadOnlyDictionary<string, string> Groups { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["keys"] = "Manage the gateway's API keys (create, list, revoke).",
        ["alerts"] = "Inspect, test, silence and acknowledge alerts.",
        ["agent"] = "Run or check the file-tailing log agent.",
        ["tickets"] = "Manage support-bundle upload tickets.",
    };

    /// <summary>Creates every command, in help order.</summary>
    public static IReadOnlyList<CommandDefinition> Create(CliEnvironment environment) =>
    [
        new UpCommand(environment),
        new Commands.Emulator.RunCommand(environment),
        new BootstrapCommand(environment),
        new ShowCommand(environment),
        new Commands.Gateway.RunCommand(environment),
        new Commands.Keys.CreateCommand(environment),
        new Commands.Keys.ListCommand(environment),
        new Commands.Keys.RevokeCommand(environment),
        new Commands.Bench.RunCommand(environment),
        new Commands.Alerting.RunCommand(environment),
        new Commands.Alerts.ListCommand(environment),
        new Commands.Alerts.TestCommand(environment),
        new Commands.Alerts.SilenceCommand(environment),
        new Commands.Alerts.AckCommand(environment),
        new Commands.Agent.RunCommand(environment),
        new Commands.Agent.CheckCommand(environment),
        new Commands.Samples.RunCommand(environment),
        new Commands.Tickets.CreateCommand(environment),
        new Commands.Tickets.ListCommand(environment),
        new Commands.Tickets.SolveCommand(environment),
        new Commands.Tickets.DeleteCommand(environment),
        new Commands.Tickets.DownloadCommand(environment),
    ];
}
