using ObservabilityStack.Elasticsearch.Documents;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// Provisions one service on demand (the gateway's first-seen services): the shared component templates
/// once, then the service's ILM policy and index template from the same <c>elk/</c> assets and hashes as
/// <c>obs bootstrap</c> (which later reports them unchanged), then a rollover of any of its data streams
/// that were created from another template. Writes only what is missing or differs.
/// </summary>
public sealed class ServiceProvisioner
{
    private readonly ElasticsearchClient _client;
    private readonly ProvisioningAssets _assets;
    private volatile bool _componentsReady;

    /// <summary>Creates a provisioner.</summary>
    public ServiceProvisioner(ElasticsearchClient client, ProvisioningAssets assets)
    {
        _client = client;
        _assets = assets;
    }

    /// <summary>Makes sure <paramref name="service"/>'s ILM policy, index template and data streams are in place.</summary>
    /// <returns>The steps that changed something (empty when everything was already there).</returns>
    public async Task<IReadOnlyList<PlanStep>> EnsureAsync(ServiceDefinition service, CancellationToken cancellationToken = default)
    {
        var changed = new List<PlanStep>();
        if (!_componentsReady)
        {
            foreach (var (name, text) in _assets.ComponentTemplates)
            {
                var body = AssetTemplate.Parse(text, $"component-templates/{name}.json");
                await ApplyAsync(await BootstrapPlanner.ComponentTemplateAsync(_client, name, body, cancellationToken).ConfigureAwait(false), changed, cancellationToken)
                    .ConfigureAwait(false);
            }

            _componentsReady = true;
        }

        var objectName = BootstrapPlanner.ObjectName(service.Name);
        var policy = AssetTemplate.Render(_assets.RetentionPolicy, service, $"ilm/{ProvisioningAssets.RetentionPolicyFile}");
        await ApplyAsync(await BootstrapPlanner.PolicyAsync(_client, objectName, policy, cancellationToken).ConfigureAwait(false), changed, cancellationToken)
            .ConfigureAwait(false);
        var template = AssetTemplate.Render(_assets.ServiceTemplate, service, $"index-templates/{ProvisioningAssets.ServiceTemplateFile}");
        await ApplyAsync(await BootstrapPlanner.IndexTemplateAsync(_client, objectName, template, cancellationToken).ConfigureAwait(false), changed, cancellationToken)
            .ConfigureAwait(false);
        foreach (var environment in service.Environments)
        {
            await RollOverForeignStreamAsync(DataStreamName.For(service.Name, environment), objectName, changed, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    // A stream created before its template existed (from the built-in logs template) only uses ours after a rollover.
    private async Task RollOverForeignStreamAsync(string name, string template, List<PlanStep> changed, CancellationToken cancellationToken)
    {
        var current = await ElasticsearchCalls.GetOrNullAsync(_client, $"/_data_stream/{name}", $"data stream {name}", cancellationToken).ConfigureAwait(false);
        var actual = current?["data_streams"]?[0]?["template"]?.GetValue<string>();
        if (actual is null || actual == template)
        {
            return;
        }

        await ElasticsearchCalls.SendAsync(_client, HttpMethod.Post, $"/{name}/_rollover", null, $"data stream {name}", cancellationToken).ConfigureAwait(false);
        changed.Add(new PlanStep("data stream", name, PlanAction.Update, $"used template {actual}; rolled over", null));
    }

    private static async Task ApplyAsync(PlanStep step, List<PlanStep> changed, CancellationToken cancellationToken)
    {
        if (step.IsChange)
        {
            await step.ApplyAsync(cancellationToken).ConfigureAwait(false);
            changed.Add(step);
        }
    }
}
