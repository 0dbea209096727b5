using Spectre.Console;

namespace ObservabilityStack.Cli.Core;

/// <summary>
/// What a command may touch outside its arguments: the consoles, environment variables and the
/// working directory. Tests pass their own so they never mutate the process environment.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Creates an environment over explicit consoles and variables.</summary>
    public CliEnvironment(IAnsiConsole output, TextWriter outputWriter, TextWriter error,
        Func<string, string?> getVariable, string workingDirectory)
    {
        Output = output;
        OutputWriter = outputWriter;
        Error = error;
        GetVariable = getVariable;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The real process: stdout through Spectre.Console, stderr, process environment.</summary>
    public static CliEnvironment FromProcess() => new(
        StdoutConsole(), Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());

    // Spectre decides colour from TERM alone; piped or redirected output (and NO_COLOR) must stay plain text
    // so `obs logs > file` and scripts reading the tables get no escape codes.
    private static IAnsiConsole StdoutConsole()
    {
        if (!Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")))
        {
            return AnsiConsole.Console;
        }

        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
    }

    /// <summary>Where results and progress go (stdout).</summary>
    public IAnsiConsole Output { get; }

    /// <summary>The same stdout as a plain writer (help text goes here).</summary>
    public TextWriter OutputWriter { get; }

    /// <summary>Where errors go (stderr).</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable (null when unset).</summary>
    public Func<string, string?> GetVariable { get; }

    /// <summary>Directory relative paths are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Reads a variable, treating empty as unset.</summary>
    public string? Variable(string name)
    {
        var value = GetVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Resolves a user-supplied path against <see cref="WorkingDirectory"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
