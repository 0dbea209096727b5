using System.CommandLine;
using ObservabilityStack.Agent;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Agent;

/// <summary><c>obs agent run --config FILE</c>: tails the files and ships them to the gateway until Ctrl+C.</summary>
internal sealed class RunCommand : CommandDefinition
{
    private readonly AgentConfigFile _config;
    private readonly Option<int> _statusEvery;

    /// <summary>Creates the command.</summary>
    public RunCommand(CliEnvironment environment)
        : base(environment, "agent run", "Tail log files (and run periodic commands) and ship them to the gateway until Ctrl+C; positions survive restarts.")
    {
        _config = Enable(new AgentConfigFile(environment));
        _statusEvery = Add(new Option<int>("--status-every")
        {
            Description = "Seconds between status lines (counts of read, sent, retried, dead-lettered events).",
            DefaultValueFactory = _ => 30,
            HelpName = "SECONDS",
        });
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = _config.Load(parseResult);
        var every = parseResult.GetValue(_statusEvery);
        if (every < 1)
        {
            throw new CliException($"--status-every {every}: use 1 or more seconds.", ExitCodes.Usage);
        }

        AgentRunner agent;
        try
        {
            agent = new AgentRunner(options);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message, ExitCodes.Failure, e);
        }

        using (agent)
        {
            Output.MarkupLineInterpolated($"Agent [bold]{options.Source}[/] shipping {string.Join(", ", options.Files.Concat(options.Commands.Select(c => "command " + c.Name)))} to {options.GatewayUrl}. Press Ctrl+C to stop.");
            var run = agent.RunAsync(cancellationToken);
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(every), CancellationToken.None));
                WriteStatus(agent.Metrics);
            }

            await run;
        }

        Output.MarkupLine("Agent stopped; positions saved.");
        return ExitCodes.Ok;
    }

    private void WriteStatus(AgentMetrics m)
    {
        Output.MarkupLineInterpolated(
            $"read {m.LinesRead}, sent {m.EventsSent}, retries {m.SendRetries}, refused {m.Refusals}, dead-lettered {m.EventsDeadLettered}, long lines cut {m.LongLines}, truncations {m.Truncations}, rotations {m.RotationsFinished}, commands {m.CommandRuns} ({m.CommandFailures} failed)");
        if (m.LastError is { } error)
        {
            Output.MarkupLineInterpolated($"[yellow]last problem:[/] {error}");
        }
    }
}
