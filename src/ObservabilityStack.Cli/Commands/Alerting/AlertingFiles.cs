using System.CommandLine;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features;

namespace ObservabilityStack.Cli.Commands.Alerting;

/// <summary><c>--rules FILE</c> and <c>--oncall FILE</c>, defaulting to the starter files in <c>config/</c>.</summary>
internal sealed class AlertingFiles : ICommandFeature
{
    private readonly CliEnvironment _environment;
    private readonly Option<string?> _rules = new("--rules")
    {
        Description = "Alert rules YAML file (default config/alert-rules.yaml).",
        HelpName = "FILE",
    };

    private readonly Option<string?> _onCall = new("--oncall")
    {
        Description = "On-call teams YAML file (default config/oncall.yaml when present).",
        HelpName = "FILE",
    };

    /// <summary>Creates the feature.</summary>
    public AlertingFiles(CliEnvironment environment) => _environment = environment;

    /// <inheritdoc/>
    public IEnumerable<Option> Options => [_rules, _onCall];

    /// <summary>Full path of the rules file; throws a clear error when it does not exist.</summary>
    public string RulesPath(ParseResult parseResult) => FindRules(parseResult.GetValue(_rules));

    /// <summary>Full path of the given rules file, or of the default one.</summary>
    public string FindRules(string? given) => Find(given, "alert-rules.yaml", required: true)!;

    /// <summary>Full path of the given on-call file, or of the default one when it exists.</summary>
    public string? FindOnCall(string? given) => Find(given, "oncall.yaml", required: given is not null);

    /// <summary>Full path of the on-call file, or null when none exists.</summary>
    public string? OnCallPath(ParseResult parseResult) => FindOnCall(parseResult.GetValue(_onCall));

    /// <summary>Loads the rules, turning load errors into a message listing file, line and field.</summary>
    public RuleSet LoadRules(ParseResult parseResult)
    {
        var path = RulesPath(parseResult);
        try
        {
            return RuleLoader.Load(path);
        }
        catch (RuleLoadException e)
        {
            throw new CliException($"The rules file has errors:{System.Environment.NewLine}{e.Message}", ExitCodes.Usage, e);
        }
    }

    private string? Find(string? given, string name, bool required)
    {
        if (given is not null)
        {
            var full = _environment.ResolvePath(given);
            return File.Exists(full) ? full : throw new CliException($"{full} does not exist.", ExitCodes.Usage);
        }

        var local = _environment.ResolvePath(Path.Combine("config", name));
        if (File.Exists(local))
        {
            return local;
        }

        var root = RepositoryLocator.FindAbove(Path.Combine("config", name), _environment.WorkingDirectory, AppContext.BaseDirectory);
        if (root is not null)
        {
            return Path.Combine(root, "config", name);
        }

        return required ? throw new CliException($"No config/{name} here; pass the file with --{(name == "oncall.yaml" ? "oncall" : "rules")}.", ExitCodes.Usage) : null;
    }
}
