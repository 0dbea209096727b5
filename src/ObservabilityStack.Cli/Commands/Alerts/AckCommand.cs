using System.CommandLine;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Alerts;

/// <summary><c>obs alerts ack ALERT [--group KEY]</c>: acknowledges an alert, stopping its repeats and escalation.</summary>
internal sealed class AckCommand : CommandDefinition
{
    private readonly AlertsConnection _alerts;
    private readonly Argument<string> _alert;
    private readonly Option<string?> _group;
    private readonly Option<string?> _by;

    /// <summary>Creates the command.</summary>
    public AckCommand(CliEnvironment environment)
        : base(environment, "alerts ack", "Acknowledge an open alert (by id or rule name) so it stops repeating and does not escalate.")
    {
        _alert = AddArgument(new Argument<string>("ALERT") { Description = "Alert id (from the email or obs alerts list) or rule name." });
        _group = Add(new Option<string?>("--group") { Description = "Group of the rule's alert, when it has several open.", HelpName = "KEY" });
        _by = Add(new Option<string?>("--by") { Description = "Who acknowledges (default the USER variable).", HelpName = "NAME" });
        _alerts = Enable(new AlertsConnection(environment));
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var by = parseResult.GetValue(_by) ?? Environment.Variable("USER") ?? "unknown";
        var (connection, admin) = _alerts.Open(parseResult, needRules: false);
        using (connection)
        using (admin)
        {
            var state = await AlertsConnection.CallAsync(() => admin.AckAsync(parseResult.GetValue(_alert)!, parseResult.GetValue(_group), by, cancellationToken));
            Output.MarkupLineInterpolated($"Acknowledged {state.Rule} / {state.Group} ({state.Id}) as {by}: no more repeats or escalation for this firing.");
            return ExitCodes.Ok;
        }
    }
}
