using System.CommandLine;
using System.CommandLine.Invocation;
using ObservabilityStack.Cli.Core;

namespace ObservabilityStack.Cli;

/// <summary>Builds the <c>obs</c> command tree and runs it with one top-level error handler.</summary>
internal static class CommandLine
{
    /// <summary>Runs <c>obs</c> against the real process console and environment.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliEnvironment.FromProcess(), CancellationToken.None);

    /// <summary>Runs <c>obs</c> with an explicit environment (tests).</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var parse = Build(environment).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            return ReportUsage(parse, environment);
        }

        var configuration = new InvocationConfiguration
        {
            // Our handler prints one clear line instead of System.CommandLine's stack trace.
            EnableDefaultExceptionHandler = false,
            Output = environment.OutputWriter,
            Error = environment.Error,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, environment, cancellationToken.IsCancellationRequested);
        }
    }

    /// <summary>Builds the command tree from <see cref="CommandCatalog"/>.</summary>
    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand("ObservabilityStack: logs from your services into Elasticsearch, alerts to on-call.");
        foreach (var definition in CommandCatalog.Create(environment))
        {
            var words = definition.CommandPath.Split(' ');
            Command parent = root;
            foreach (var group in words[..^1])
            {
                parent = parent.Subcommands.FirstOrDefault(c => c.Name == group) ?? AddGroup(parent, group);
            }

            parent.Subcommands.Add(definition.Build());
        }

        return root;
    }

    private static Command AddGroup(Command parent, string name)
    {
        var description = CommandCatalog.Groups.TryGetValue(name, out var text) ? text : null;
        var group = new Command(name, description);
        parent.Subcommands.Add(group);
        return group;
    }

    private static int ReportUsage(ParseResult parse, CliEnvironment environment)
    {
        foreach (var error in parse.Errors)
        {
            environment.Error.WriteLine($"obs: {error.Message}");
        }

        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "obs" : result.Command.Name);
        }

        environment.Error.WriteLine($"Run '{string.Join(' ', names)} --help' to see the options.");
        return ExitCodes.Usage;
    }
}
