using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Elasticsearch.Provisioning;

namespace ObservabilityStack.Cli.Features.Bootstrap;

/// <summary>
/// The options and the run of a bootstrap, shared by <c>obs bootstrap</c> and <c>obs up</c> (which
/// bootstraps its emulator or cluster before anything writes).
/// </summary>
internal sealed class BootstrapFeature : ICommandFeature
{
    private readonly CliEnvironment _environment;
    private readonly Option<string?> _services;
    private readonly Option<string?> _secrets;
    private readonly Option<string?>? _kibana;

    /// <summary>Creates the feature; <paramref name="withKibana"/> adds <c>--kibana</c>.</summary>
    public BootstrapFeature(CliEnvironment environment, bool withKibana)
    {
        _environment = environment;
        _services = new Option<string?>("--services")
        {
            Description = "Services file: services, environments, retention, owners (default config/services.yaml).",
            HelpName = "FILE",
        };
        _secrets = new Option<string?>("--secrets")
        {
            Description = "Folder for the API keys bootstrap creates on secured clusters (default .obs/secrets, or OBS_SECRETS_DIR).",
            HelpName = "DIR",
        };
        if (withKibana)
        {
            _kibana = new Option<string?>("--kibana")
            {
                Description = "Kibana URL to import the dashboards into (or OBS_KIBANA_URL); same credentials as Elasticsearch.",
                HelpName = "URL",
            };
        }
    }

    /// <inheritdoc/>
    public IEnumerable<Option> Options => _kibana is null ? [_services, _secrets] : [_services, _secrets, _kibana];

    /// <summary>Plans, shows and (unless <paramref name="dryRun"/>) applies. Quiet mode prints one summary line.</summary>
    public async Task<BootstrapPlan> RunAsync(ParseResult parseResult, ElasticsearchConnection connection, bool dryRun, bool quiet,
        string defaultSecrets, CancellationToken cancellationToken)
    {
        var root = AssetLocator.FindRoot(_environment);
        var catalog = ServicesFileLoader.Load(parseResult.GetValue(_services) is { } services
            ? _environment.ResolvePath(services)
            : Path.Combine(root, "config", "services.yaml"));
        var assets = ProvisioningAssets.Load(Path.Combine(root, "elk"), Path.Combine(root, "kibana-dashboards"));
        var secrets = _environment.ResolvePath(parseResult.GetValue(_secrets) ?? _environment.Variable("OBS_SECRETS_DIR") ?? defaultSecrets);
        var options = new BootstrapOptions
        {
            Secrets = new FileSecretStore(secrets, await StoredKeyCheck.FindRejectedAsync(secrets, connection, cancellationToken)),
            Kibana = KibanaTarget(parseResult, connection),
        };
        var planner = new BootstrapPlanner(connection.Client, assets, catalog, options);
        var plan = await planner.PlanAsync(cancellationToken);
        var renderer = new PlanRenderer(_environment.Output);
        if (quiet)
        {
            await plan.ApplyAsync(cancellationToken: cancellationToken);
            renderer.Summary(plan, applied: true);
            return plan;
        }

        renderer.Table(plan);
        if (dryRun)
        {
            renderer.Summary(plan, applied: false);
            return plan;
        }

        await renderer.ApplyWithProgressAsync(plan, cancellationToken);
        renderer.Summary(plan, applied: true);
        return plan;
    }

    private KibanaTarget? KibanaTarget(ParseResult parseResult, ElasticsearchConnection connection)
    {
        var text = (_kibana is null ? null : parseResult.GetValue(_kibana)) ?? (_kibana is null ? null : _environment.Variable("OBS_KIBANA_URL"));
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--kibana '{text}' is not an http(s) URL (for example https://127.0.0.1:5601).", ExitCodes.Usage);
        }

        var es = connection.Client.Options;
        AuthenticationHeaderValue? auth = es.ApiKey is not null
            ? new AuthenticationHeaderValue("ApiKey", es.ApiKey)
            : es.Username is not null
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{es.Username}:{es.Password}")))
                : null;
        return new KibanaTarget(url, connection.Http, auth?.ToString());
    }
}
