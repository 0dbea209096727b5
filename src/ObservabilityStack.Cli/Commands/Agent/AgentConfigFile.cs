using System.CommandLine;
using ObservabilityStack.Agent.Configuration;
using ObservabilityStack.Cli.Core;

namespace ObservabilityStack.Cli.Commands.Agent;

/// <summary><c>--config FILE</c> for the agent commands, loaded with every problem reported at once.</summary>
internal sealed class AgentConfigFile : ICommandFeature
{
    private readonly CliEnvironment _environment;
    private readonly Option<string> _config = new("--config")
    {
        Description = "The agent's .env-style file (see config/agent.env.example).",
        HelpName = "FILE",
        Required = true,
    };

    /// <summary>Creates the feature.</summary>
    public AgentConfigFile(CliEnvironment environment) => _environment = environment;

    /// <inheritdoc/>
    public IEnumerable<Option> Options => [_config];

    /// <summary>Loads the options, turning configuration errors into a usage error listing them.</summary>
    public AgentOptions Load(ParseResult parseResult)
    {
        var path = _environment.ResolvePath(parseResult.GetValue(_config)!);
        try
        {
            return AgentConfigLoader.Load(path, _environment.Variable);
        }
        catch (AgentConfigException e)
        {
            throw new CliException($"The agent configuration has errors:{System.Environment.NewLine}{e.Message}", ExitCodes.Usage, e);
        }
    }
}
