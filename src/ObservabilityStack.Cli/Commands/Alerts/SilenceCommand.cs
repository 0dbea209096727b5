using System.CommandLine;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Alerts;

/// <summary><c>obs alerts silence RULE --for 2h [--group KEY]</c>: mutes a rule's notifications for a while.</summary>
internal sealed class SilenceCommand : CommandDefinition
{
    private readonly AlertsConnection _alerts;
    private readonly Argument<string> _rule;
    private readonly Option<string> _for;
    private readonly Option<string?> _group;
    private readonly Option<string?> _comment;

    /// <summary>Creates the command.</summary>
    public SilenceCommand(CliEnvironment environment)
        : base(environment, "alerts silence", "Mute a rule's notifications (all groups or one) for a duration, e.g. during a deploy.")
    {
        _rule = AddArgument(new Argument<string>("RULE") { Description = "Rule to silence, or * for every rule." });
        _for = Add(new Option<string>("--for") { Description = "How long, e.g. 30m, 2h, 1d.", HelpName = "DURATION", Required = true });
        _group = Add(new Option<string?>("--group") { Description = "Only this group (e.g. shop-api).", HelpName = "KEY" });
        _comment = Add(new Option<string?>("--comment") { Description = "Why, for the record.", HelpName = "TEXT" });
        _alerts = Enable(new AlertsConnection(environment));
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var text = parseResult.GetValue(_for)!;
        if (!Durations.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
        {
            throw new CliException($"--for '{text}' is not a duration; use e.g. 30m, 2h, 1d.", ExitCodes.Usage);
        }

        var (connection, admin) = _alerts.Open(parseResult);
        using (connection)
        using (admin)
        {
            var silence = await AlertsConnection.CallAsync(() => admin.SilenceAsync(parseResult.GetValue(_rule)!, duration,
                parseResult.GetValue(_group), parseResult.GetValue(_comment), cancellationToken));
            Output.MarkupLineInterpolated($"Silenced {silence.Rule}{(silence.GroupKey is null ? "" : $" / {silence.GroupKey}")} until {silence.EndsAt:u} (silence {silence.Id}).");
            return ExitCodes.Ok;
        }
    }
}
