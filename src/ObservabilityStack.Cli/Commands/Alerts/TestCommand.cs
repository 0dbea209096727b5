using System.CommandLine;
using System.Globalization;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Alerts;

/// <summary><c>obs alerts test RULE [--at TIME]</c>: evaluates a rule now and explains the verdict; sends nothing.</summary>
internal sealed class TestCommand : CommandDefinition
{
    private readonly AlertsConnection _alerts;
    private readonly Argument<string> _rule;
    private readonly Option<string?> _at;

    /// <summary>Creates the command.</summary>
    public TestCommand(CliEnvironment environment)
        : base(environment, "alerts test", "Evaluate one rule against current data and print what would fire and the email it would send (sends nothing).")
    {
        _rule = AddArgument(new Argument<string>("RULE") { Description = "Name of the rule to evaluate." });
        _at = Add(new Option<string?>("--at") { Description = "Evaluate as of this UTC time (ISO 8601) instead of now.", HelpName = "TIME" });
        _alerts = Enable(new AlertsConnection(environment));
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        DateTimeOffset? at = null;
        if (parseResult.GetValue(_at) is { } text)
        {
            at = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : throw new CliException($"--at '{text}' is not a date and time; use ISO 8601 like 2026-11-21T12:00:00Z.", ExitCodes.Usage);
        }

        var (connection, admin) = _alerts.Open(parseResult);
        using (connection)
        using (admin)
        {
            var result = await AlertsConnection.CallAsync(() => admin.TestAsync(parseResult.GetValue(_rule)!, at, cancellationToken));
            var e = result.Evaluation;
            Output.MarkupLineInterpolated($"Rule [bold]{e.Rule.Name}[/] ({e.Rule.Type}) over {e.Range.From:u} .. {e.Range.To:u}, threshold {e.Rule.Threshold.ToString(CultureInfo.InvariantCulture)}");
            Output.MarkupLineInterpolated($"Search: POST {e.Query.Path}");
            if (result.StateNote is not null)
            {
                Output.MarkupLineInterpolated($"[yellow]Note:[/] {result.StateNote}");
            }

            if (result.Verdicts.Count == 0)
            {
                Output.MarkupLine("No group has data in this window: nothing would fire.");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Group", "Value", "Verdict");
            foreach (var v in result.Verdicts)
            {
                table.AddRow(Markup.Escape(v.Group), Markup.Escape(v.Value), Markup.Escape(v.Verdict));
            }

            Output.Write(table);
            foreach (var v in result.Verdicts.Where(v => v.Email is not null))
            {
                Output.WriteLine();
                Output.MarkupLineInterpolated($"[bold]Email that would be sent for {v.Group}:[/]");
                Output.WriteLine(v.Email!.Text);
            }

            return ExitCodes.Ok;
        }
    }
}
