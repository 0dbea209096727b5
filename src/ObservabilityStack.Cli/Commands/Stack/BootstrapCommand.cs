using System.CommandLine;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features;
using ObservabilityStack.Cli.Features.Bootstrap;

namespace ObservabilityStack.Cli.Commands.Stack;

/// <summary>
/// <c>obs bootstrap</c>: creates or updates templates, ILM policies, data streams, roles, API keys
/// and Kibana saved objects from <c>elk/</c>, <c>kibana-dashboards/</c> and the services file.
/// Shows the plan first; a second run changes nothing.
/// </summary>
internal sealed class BootstrapCommand : CommandDefinition
{
    private readonly ElasticsearchConnectionFeature _connection;
    private readonly BootstrapFeature _bootstrap;
    private readonly Option<bool> _dryRun;

    /// <summary>Creates the command.</summary>
    public BootstrapCommand(CliEnvironment environment)
        : base(environment, "bootstrap", "Create or update templates, retention, data streams, roles, keys and dashboards (idempotent).")
    {
        _connection = Enable(new ElasticsearchConnectionFeature(environment,
            "Cluster to set up (default http://127.0.0.1:9200 or OBS_ELASTICSEARCH_URL)."));
        _bootstrap = Enable(new BootstrapFeature(environment, withKibana: true));
        _dryRun = Add(new Option<bool>("--dry-run") { Description = "Show the plan (create/update/unchanged per object) without changing anything." });
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        using var connection = _connection.Connect(parseResult);
        await _bootstrap.RunAsync(parseResult, connection, parseResult.GetValue(_dryRun), quiet: false,
            System.IO.Path.Combine(".obs", "secrets"), cancellationToken);
        return ExitCodes.Ok;
    }
}
