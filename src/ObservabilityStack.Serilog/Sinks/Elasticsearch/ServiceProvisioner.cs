using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Provisioning;
using Serilog.Debugging;

namespace ObservabilityStack.Serilog.Sinks.Elasticsearch;

/// <summary>
/// <see cref="ElasticsearchSinkOptions.ProvisionOnStart"/>: before the first batch, applies this service's part of what
/// <c>obs bootstrap</c> applies (the shared component templates, the service's ILM retention policy and index template,
/// its data stream) with the Elasticsearch project's provisioning code and the JSON of <c>elk/</c>, so the data stream
/// uses our mappings and retention from its first document. Idempotent: unchanged objects are left alone.
/// </summary>
internal static class ServiceProvisioner
{
    /// <summary>The dead letter's retention when the sink provisions it (as in config/services.yaml).</summary>
    private const int DeadLetterRetentionDays = 30;

    public static async Task RunAsync(ElasticsearchClient client, ElasticsearchSinkOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var assets = ProvisioningAssets.Load(Path.Combine(AssetsDirectory(options), "elk"), dashboardsDirectory: null);
            var service = new ServiceDefinition(options.ServiceName, options.Owner, options.RetentionDays, [options.Environment]);
            var catalog = new ServiceCatalog([service], [options.Environment], DeadLetterRetentionDays);
            var plan = await new BootstrapPlanner(client, assets, catalog).PlanAsync(cancellationToken).ConfigureAwait(false);
            await plan.ApplyAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            SelfLog.WriteLine("Provisioned {0} ({1} changes)", options.ServiceName, plan.ChangeCount);
        }
        catch (Exception ex) when (ex is ProvisioningException or ElasticsearchException or IOException)
        {
            // Logging goes on without our templates (the cluster's defaults apply); the failure must be visible, not fatal.
            options.ProvisioningError = ex.Message;
            SelfLog.WriteLine("Provisioning templates and ILM for {0} failed: {1}", options.ServiceName, ex.Message);
        }
    }

    private static string AssetsDirectory(ElasticsearchSinkOptions options)
    {
        if (options.AssetsDirectory is { } configured)
        {
            return configured;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("OBS_ASSETS_DIR");
        return string.IsNullOrEmpty(fromEnvironment) ? AppContext.BaseDirectory : fromEnvironment;
    }
}
