using System.CommandLine;
using ObservabilityStack.Cli.Core;

namespace ObservabilityStack.Cli.Commands.Keys;

/// <summary><c>--data DIR</c>: the gateway data directory whose <c>keys.json</c> the keys commands edit.</summary>
internal sealed class KeysFileFeature : ICommandFeature
{
    private readonly CliEnvironment _environment;
    private readonly Option<string> _data = new("--data")
    {
        Description = "Gateway data directory holding keys.json (default ./data/gateway).",
        DefaultValueFactory = _ => Path.Combine("data", "gateway"),
        HelpName = "DIR",
    };

    public KeysFileFeature(CliEnvironment environment) => _environment = environment;

    /// <inheritdoc/>
    public IEnumerable<Option> Options => [_data];

    /// <summary>The keys file, relative paths taken from the working directory.</summary>
    public string KeysFile(ParseResult parseResult) => Path.Combine(_environment.ResolvePath(parseResult.GetValue(_data)!), "keys.json");
}
