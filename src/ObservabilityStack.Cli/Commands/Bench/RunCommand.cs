using System.CommandLine;
using System.Diagnostics;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features;

namespace ObservabilityStack.Cli.Commands.Bench;

/// <summary>
/// <c>obs bench NAME</c>: runs a load run from <c>tests/ObservabilityStack.Benchmarks</c> in Release
/// (benchmarks need the source checkout; outside one it prints how to run them).
/// </summary>
internal sealed class RunCommand : CommandDefinition
{
    /// <summary>Load runs that exist (see tests/ObservabilityStack.Benchmarks/LoadRuns).</summary>
    public static readonly string[] Names = ["gateway", "gateway-delivery", "sink", "alerts", "emulator", "tickets", "all"];

    private readonly Argument<string> _name;
    private readonly Option<bool> _dryRun;

    /// <summary>Creates the command.</summary>
    public RunCommand(CliEnvironment environment)
        : base(environment, "bench", "Run a load benchmark in Release and print its figures.")
    {
        _name = AddArgument(new Argument<string>("NAME") { Description = "Which load run: gateway, gateway-delivery, sink, alerts, emulator, tickets, or all of them in turn." });
        _name.AcceptOnlyFromAmong(Names);
        _dryRun = Add(new Option<bool>("--dry-run") { Description = "Print the dotnet command instead of running it." });
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = parseResult.GetValue(_name)!;
        const string Project = "tests/ObservabilityStack.Benchmarks";
        var arguments = $"run -c Release --project {Project} -- load {name}";
        var root = RepositoryLocator.FindAbove(RepositoryLocator.Marker, Environment.WorkingDirectory, AppContext.BaseDirectory);
        if (root is null)
        {
            throw new CliException(
                $"Benchmarks run from the source checkout: cd into the repository and run `dotnet {arguments}` (or `obs bench {name}` from there).",
                ExitCodes.Failure);
        }

        if (parseResult.GetValue(_dryRun))
        {
            Environment.OutputWriter.WriteLine($"cd {root} && dotnet {arguments}");
            return ExitCodes.Ok;
        }

        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = root, UseShellExecute = false };
        using var process = Process.Start(start)
            ?? throw new CliException("Could not start `dotnet`: is the .NET SDK on PATH?", ExitCodes.Failure);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }
}
