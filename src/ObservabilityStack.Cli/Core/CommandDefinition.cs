using System.CommandLine;

namespace ObservabilityStack.Cli.Core;

/// <summary>
/// Base of every <c>obs</c> command: one class per command in <c>Commands/&lt;Noun&gt;/&lt;Verb&gt;Command.cs</c>,
/// registered in <see cref="CommandCatalog"/>. A command declares its options in its constructor
/// (directly or through <see cref="ICommandFeature"/>s) and implements <see cref="RunAsync"/>.
/// Errors are handled once, in <see cref="CommandLine"/>: throw <see cref="CliException"/> with a
/// message that says what to do.
/// </summary>
internal abstract class CommandDefinition
{
    private readonly List<Symbol> _symbols = [];

    /// <summary>Creates a command at <paramref name="path"/> (e.g. <c>"emulator"</c> or <c>"keys create"</c>).</summary>
    protected CommandDefinition(CliEnvironment environment, string path, string description)
    {
        Environment = environment;
        CommandPath = path;
        Description = description;
    }

    /// <summary>Space-separated words that invoke this command after <c>obs</c>.</summary>
    public string CommandPath { get; }

    /// <summary>One-line help text.</summary>
    public string Description { get; }

    /// <summary>Consoles and environment variables.</summary>
    protected CliEnvironment Environment { get; }

    /// <summary>Output console (stdout).</summary>
    protected Spectre.Console.IAnsiConsole Output => Environment.Output;

    /// <summary>Builds the System.CommandLine command with this definition's options and action.</summary>
    public Command Build()
    {
        var command = new Command(CommandPath.Split(' ')[^1], Description);
        foreach (var symbol in _symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        command.SetAction(RunAsync);
        return command;
    }

    /// <summary>Adds an option to this command.</summary>
    protected T Add<T>(T option)
        where T : Option
    {
        _symbols.Add(option);
        return option;
    }

    /// <summary>Adds a positional argument to this command.</summary>
    protected Argument<T> AddArgument<T>(Argument<T> argument)
    {
        _symbols.Add(argument);
        return argument;
    }

    /// <summary>Adds a feature's options to this command and returns the feature.</summary>
    protected T Enable<T>(T feature)
        where T : ICommandFeature
    {
        _symbols.AddRange(feature.Options);
        return feature;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    protected abstract Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken);
}
