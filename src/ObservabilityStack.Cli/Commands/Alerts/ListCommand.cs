using System.CommandLine;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Alerts;

/// <summary><c>obs alerts list</c>: the state of every rule and group.</summary>
internal sealed class ListCommand : CommandDefinition
{
    private readonly AlertsConnection _alerts;

    /// <summary>Creates the command.</summary>
    public ListCommand(CliEnvironment environment)
        : base(environment, "alerts list", "Show the state of every alert (rule and group): pending, firing, resolved, acknowledged, muted.")
    {
        _alerts = Enable(new AlertsConnection(environment));
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (connection, admin) = _alerts.Open(parseResult);
        using (connection)
        using (admin)
        {
            var states = await AlertsConnection.CallAsync(() => admin.ListAsync(cancellationToken));
            if (states.Count == 0)
            {
                Output.MarkupLine("No alerts have fired yet.");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Rule", "Group", "Status", "Value", "Since", "Acknowledged", "Muted", "Id");
            foreach (var (s, muted) in states)
            {
                table.AddRow(Markup.Escape(s.Rule), Markup.Escape(s.Group), s.Status.ToString().ToLowerInvariant(),
                    s.LastValue.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                    s.FiringSince?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    s.AckedBy is null ? "-" : Markup.Escape(s.AckedBy), Markup.Escape(muted ?? "-"), s.Id);
            }

            Output.Write(table);
            return ExitCodes.Ok;
        }
    }
}
