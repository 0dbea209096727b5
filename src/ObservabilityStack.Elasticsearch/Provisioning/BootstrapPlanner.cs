using System.Text.Json.Nodes;
using ObservabilityStack.Elasticsearch.Documents;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// Computes what <c>obs bootstrap</c> would change by reading every object back from the cluster:
/// component templates, one ILM policy and index template per service, its data streams, and with
/// security roles and API keys; then Kibana saved objects. Idempotent: a second run plans no change.
/// </summary>
public sealed class BootstrapPlanner
{
    private readonly ElasticsearchClient _client;
    private readonly ProvisioningAssets _assets;
    private readonly ServiceCatalog _catalog;
    private readonly BootstrapOptions _options;

    /// <summary>Creates a planner.</summary>
    public BootstrapPlanner(ElasticsearchClient client, ProvisioningAssets assets, ServiceCatalog catalog, BootstrapOptions? options = null)
    {
        _client = client;
        _assets = assets;
        _catalog = catalog;
        _options = options ?? new BootstrapOptions();
    }

    /// <summary>Name of a service's ILM policy and index template.</summary>
    public static string ObjectName(string service) => $"obs-logs-{service}";

    /// <summary>Checks the cluster and plans every object (reads only; nothing is written).</summary>
    public async Task<BootstrapPlan> PlanAsync(CancellationToken cancellationToken = default)
    {
        var cluster = await ClusterProbe.CheckAsync(_client, cancellationToken).ConfigureAwait(false);
        var steps = new List<PlanStep>();
        foreach (var (name, text) in _assets.ComponentTemplates)
        {
            steps.Add(await ComponentTemplateAsync(_client, name, AssetTemplate.Parse(text, $"component-templates/{name}.json"), cancellationToken)
                .ConfigureAwait(false));
        }

        var services = _catalog.WithDeadLetter().ToList();
        foreach (var service in services)
        {
            var name = ObjectName(service.Name);
            var policy = AssetTemplate.Render(_assets.RetentionPolicy, service, $"ilm/{ProvisioningAssets.RetentionPolicyFile}");
            steps.Add(await PolicyAsync(_client, name, policy, cancellationToken).ConfigureAwait(false));
        }

        foreach (var service in services)
        {
            var name = ObjectName(service.Name);
            var template = AssetTemplate.Render(_assets.ServiceTemplate, service, $"index-templates/{ProvisioningAssets.ServiceTemplateFile}");
            steps.Add(await IndexTemplateAsync(_client, name, template, cancellationToken).ConfigureAwait(false));
        }

        foreach (var (name, text) in _assets.IndexTemplates)
        {
            steps.Add(await IndexTemplateAsync(_client, name, AssetTemplate.Parse(text, $"index-templates/{name}.json"), cancellationToken)
                .ConfigureAwait(false));
        }

        foreach (var service in services)
        {
            foreach (var environment in service.Environments)
            {
                steps.Add(await DataStreamAsync(DataStreamName.For(service.Name, environment), ObjectName(service.Name), cancellationToken)
                    .ConfigureAwait(false));
            }
        }

        var security = new SecuritySteps(_client, _assets, _options.Secrets, cluster.SecurityEnabled);
        steps.AddRange(await security.PlanAsync(cancellationToken).ConfigureAwait(false));
        if (_options.Kibana is { } kibana)
        {
            steps.Add(await new KibanaImporter(kibana, _assets.SavedObjectFiles).PlanAsync(cancellationToken).ConfigureAwait(false));
        }

        return new BootstrapPlan(cluster, steps);
    }

    // One way to plan each kind of object, shared with the gateway's first-seen provisioning (ServiceProvisioner).
    internal static Task<PlanStep> ComponentTemplateAsync(ElasticsearchClient client, string name, JsonObject body, CancellationToken cancellationToken) =>
        HashedAsync(client, "component template", name, $"/_component_template/{name}", body, ["_meta"],
            root => root?["component_templates"]?[0]?["component_template"], cancellationToken);

    internal static Task<PlanStep> IndexTemplateAsync(ElasticsearchClient client, string name, JsonObject body, CancellationToken cancellationToken) =>
        HashedAsync(client, "index template", name, $"/_index_template/{name}", body, ["_meta"],
            root => root?["index_templates"]?[0]?["index_template"], cancellationToken);

    internal static Task<PlanStep> PolicyAsync(ElasticsearchClient client, string name, JsonObject body, CancellationToken cancellationToken) =>
        HashedAsync(client, "ILM policy", name, $"/_ilm/policy/{name}", body, ["policy", "_meta"], root => root?[name]?["policy"], cancellationToken);

    internal static async Task<PlanStep> HashedAsync(ElasticsearchClient client, string kind, string name, string path, JsonObject body,
        string[] metaPath, Func<JsonNode?, JsonNode?> extract, CancellationToken cancellationToken)
    {
        var hash = ObjectHash.Stamp(body, metaPath);
        var what = $"{kind} {name}";
        var current = await ElasticsearchCalls.GetOrNullAsync(client, path, what, cancellationToken).ConfigureAwait(false);
        var existing = extract(current);
        var (action, detail) = existing is null
            ? (PlanAction.Create, "missing")
            : ObjectHash.Read(existing, metaPath[^1..]) == hash ? (PlanAction.Unchanged, "up to date") : (PlanAction.Update, "content differs");
        return new PlanStep(kind, name, action, detail, async ct =>
        {
            await ElasticsearchCalls.SendAsync(client, HttpMethod.Put, path, body, what, ct).ConfigureAwait(false);
            return null;
        });
    }

    private async Task<PlanStep> DataStreamAsync(string name, string template, CancellationToken cancellationToken)
    {
        var current = await ElasticsearchCalls.GetOrNullAsync(_client, $"/_data_stream/{name}", $"data stream {name}", cancellationToken)
            .ConfigureAwait(false);
        var stream = current?["data_streams"]?[0];
        if (stream is null)
        {
            return new PlanStep("data stream", name, PlanAction.Create, "missing", async ct =>
            {
                await ElasticsearchCalls.SendAsync(_client, HttpMethod.Put, $"/_data_stream/{name}", null, $"data stream {name}", ct)
                    .ConfigureAwait(false);
                return null;
            });
        }

        var actual = stream["template"]?.GetValue<string>();
        if (actual == template)
        {
            return new PlanStep("data stream", name, PlanAction.Unchanged, "up to date", null);
        }

        // Created earlier from another template (e.g. the built-in logs one): a rollover makes the next
        // backing index use ours; the old one keeps its settings until it ages out.
        return new PlanStep("data stream", name, PlanAction.Update, $"uses template {actual}; rollover", async ct =>
        {
            await ElasticsearchCalls.SendAsync(_client, HttpMethod.Post, $"/{name}/_rollover", null, $"data stream {name}", ct)
                .ConfigureAwait(false);
            return null;
        });
    }
}
