using System.CommandLine;
using ObservabilityStack.Agent.Check;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Agent;

/// <summary><c>obs agent check --config FILE</c>: files readable, state writable, gateway reachable, key accepted.</summary>
internal sealed class CheckCommand : CommandDefinition
{
    private readonly AgentConfigFile _config;

    /// <summary>Creates the command.</summary>
    public CheckCommand(CliEnvironment environment)
        : base(environment, "agent check", "Check an agent configuration: files readable, state writable, gateway reachable and the key accepted (sends one test event).")
    {
        _config = Enable(new AgentConfigFile(environment));
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = _config.Load(parseResult);
        var results = await AgentCheck.RunAsync(options, cancellationToken: cancellationToken);
        foreach (var r in results)
        {
            var verdict = r.Ok ? "[green]OK  [/]" : "[red]FAIL[/]";
            Output.MarkupLine($"{verdict} {Markup.Escape(r.Name)}: {Markup.Escape(r.Detail)}");
        }

        var failed = results.Count(r => !r.Ok);
        if (failed == 0)
        {
            Output.MarkupLine("All checks passed: the agent is ready to run ([bold]obs agent run --config FILE[/]).");
            return ExitCodes.Ok;
        }

        Output.MarkupLineInterpolated($"[red]{failed} check(s) failed.[/] Fix them and run the check again.");
        return ExitCodes.Failure;
    }
}
