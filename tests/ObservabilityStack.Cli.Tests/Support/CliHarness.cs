using ObservabilityStack.Cli;
using ObservabilityStack.Cli.Core;
using Spectre.Console;

namespace ObservabilityStack.Cli.Tests.Support;

/// <summary>Runs <c>obs</c> in-process with captured stdout/stderr and an explicit environment.</summary>
internal sealed class CliHarness
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public CliHarness(string? workingDirectory = null)
    {
        WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory();
    }

    public string WorkingDirectory { get; }

    /// <summary>Captured stdout; safe to read while a command is still writing (follow mode).</summary>
    public CapturedText Out { get; } = new();

    public CapturedText Error { get; } = new();

    public CliHarness With(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    public CliEnvironment CreateEnvironment()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out.Writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return new CliEnvironment(console, Out.Writer, Error.Writer, name => _variables.GetValueOrDefault(name), WorkingDirectory);
    }

    public Task<int> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public Task<int> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        CommandLine.RunAsync(args, CreateEnvironment(), cancellationToken);
}
