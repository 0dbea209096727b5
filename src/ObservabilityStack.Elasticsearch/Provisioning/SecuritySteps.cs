using System.Text;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// Roles from <c>elk/elasticsearch/roles</c> and the API keys of the gateway (role
/// <c>logs_writer</c>) and the alert engine (role <c>alerting</c>), on clusters with security on.
/// </summary>
internal sealed class SecuritySteps
{
    /// <summary>API keys bootstrap creates: key name, role whose privileges it carries, secret name.</summary>
    public static readonly (string KeyName, string Role, string SecretName)[] ApiKeys =
    [
        ("obs-gateway", "logs_writer", "gateway-elasticsearch-api-key"),
        ("obs-alerting", "alerting", "alerting-elasticsearch-api-key"),
    ];

    private readonly ElasticsearchClient _client;
    private readonly ProvisioningAssets _assets;
    private readonly ISecretStore? _secrets;
    private readonly bool _enabled;

    public SecuritySteps(ElasticsearchClient client, ProvisioningAssets assets, ISecretStore? secrets, bool enabled)
    {
        _client = client;
        _assets = assets;
        _secrets = secrets;
        _enabled = enabled;
    }

    public async Task<IReadOnlyList<PlanStep>> PlanAsync(CancellationToken cancellationToken)
    {
        var steps = new List<PlanStep>();
        if (!_enabled)
        {
            steps.Add(new PlanStep("roles", string.Join(", ", _assets.Roles.Keys), PlanAction.Skip, "security is off on this cluster", null));
            steps.Add(new PlanStep("API keys", string.Join(", ", ApiKeys.Select(k => k.KeyName)), PlanAction.Skip, "security is off on this cluster", null));
            return steps;
        }

        foreach (var (name, text) in _assets.Roles)
        {
            var body = AssetTemplate.Parse(text, $"roles/{name}.json");
            steps.Add(await BootstrapPlanner.HashedAsync(_client, "role", name, $"/_security/role/{name}", body, ["metadata"],
                root => root?[name], cancellationToken).ConfigureAwait(false));
        }

        foreach (var (keyName, role, secretName) in ApiKeys)
        {
            steps.Add(await PlanKeyAsync(keyName, role, secretName, cancellationToken).ConfigureAwait(false));
        }

        return steps;
    }

    private async Task<PlanStep> PlanKeyAsync(string keyName, string role, string secretName, CancellationToken cancellationToken)
    {
        if (_secrets is null)
        {
            return new PlanStep("API key", keyName, PlanAction.Skip, "no place to store keys (pass --secrets DIR)", null);
        }

        var found = await ElasticsearchCalls.GetOrNullAsync(_client, $"/_security/api_key?name={keyName}&active_only=true",
            $"API key {keyName}", cancellationToken).ConfigureAwait(false);
        var active = (found?["api_keys"] as JsonArray ?? []).Any(k => k?["invalidated"]?.GetValue<bool>() != true);
        if (active && _secrets.Contains(secretName))
        {
            return new PlanStep("API key", keyName, PlanAction.Unchanged, "exists and its secret is stored", null);
        }

        var (action, detail) = active
            ? (PlanAction.Update, "exists but its secret is not stored here: invalidate and create a new one")
            : (PlanAction.Create, $"missing (privileges of role {role})");
        return new PlanStep("API key", keyName, action, detail, async ct =>
        {
            if (active)
            {
                var invalidate = new JsonObject { ["name"] = keyName };
                await ElasticsearchCalls.SendAsync(_client, HttpMethod.Delete, "/_security/api_key", invalidate, $"API key {keyName}", ct)
                    .ConfigureAwait(false);
            }

            var request = new JsonObject
            {
                ["name"] = keyName,
                ["role_descriptors"] = new JsonObject { [role] = RoleDescriptor(role) },
                ["metadata"] = new JsonObject { ["managed_by"] = "obs" },
            };
            var created = await ElasticsearchCalls.SendAsync(_client, HttpMethod.Post, "/_security/api_key", request, $"API key {keyName}", ct)
                .ConfigureAwait(false);
            var encoded = created?["encoded"]?.GetValue<string>()
                ?? Convert.ToBase64String(Encoding.UTF8.GetBytes($"{created?["id"]}:{created?["api_key"]}"));
            return await _secrets.StoreAsync(secretName, encoded, ct).ConfigureAwait(false);
        });
    }

    private JsonObject RoleDescriptor(string role)
    {
        // An API key carries the role's privileges itself (role_descriptors), so it keeps working
        // even where the named role does not exist; metadata is not part of a descriptor.
        var body = AssetTemplate.Parse(_assets.Roles[role], $"roles/{role}.json");
        body.Remove("metadata");
        return body;
    }
}
