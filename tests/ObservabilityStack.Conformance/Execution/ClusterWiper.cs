using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>
/// Returns the cluster to a clean state between tests, like upstream's ESRestTestCase: deletes data streams,
/// non-hidden indices, non-built-in index templates, component templates and ILM policies, and clears
/// persistent/transient cluster settings. Built-ins are recognised by <c>_meta.managed: true</c>, by a leading
/// dot, an <c>@</c> in the name (<c>logs@mappings</c>) or by the names of a fresh Elasticsearch.
/// </summary>
public sealed class ClusterWiper
{
    private static readonly HashSet<string> BuiltInNames = new(StringComparer.Ordinal)
    {
        "logs", "metrics", "synthetics", "traces", "profiling", "ilm-history", "slm-history", "watch-history",
        "7-days-default", "30-days-default", "90-days-default", "180-days-default", "365-days-default",
        "ilm-history-ilm-policy", "slm-history-ilm-policy", "watch-history-ilm-policy",
        "ml-size-based-ilm-policy", "logs-default", "metrics-default",
    };

    private static readonly Dictionary<string, string> NoHeaders = [];
    private readonly RestClient _client;

    /// <summary>Creates the wiper.</summary>
    public ClusterWiper(RestClient client) => _client = client;

    /// <summary>Distinct problems seen while wiping (a failed wipe leaves state behind for later tests).</summary>
    public ISet<string> Problems { get; } = new SortedSet<string>(StringComparer.Ordinal);

    /// <summary>Deletes everything a test may have created.</summary>
    public async Task WipeAsync(CancellationToken cancellationToken = default)
    {
        await SendAsync(HttpMethod.Delete, "/_data_stream/*?expand_wildcards=all", cancellationToken).ConfigureAwait(false);
        await DeleteIndicesAsync(cancellationToken).ConfigureAwait(false);
        await DeleteListedAsync("/_index_template", "index_templates", "index_template", cancellationToken).ConfigureAwait(false);
        await DeleteListedAsync("/_component_template", "component_templates", "component_template", cancellationToken).ConfigureAwait(false);
        await DeletePoliciesAsync(cancellationToken).ConfigureAwait(false);
        await ResetSettingsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteIndicesAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Delete, "/*,-.*?expand_wildcards=open,closed,hidden", cancellationToken, quiet: true).ConfigureAwait(false);
        if (response is { Status: < 400 or 404 })
        {
            return;
        }

        // Clusters that require explicit names for destructive actions: list the indices, delete them by name.
        var listing = await SendAsync(HttpMethod.Get, "/_all?expand_wildcards=open,closed,hidden", cancellationToken).ConfigureAwait(false);
        var names = (Listing(listing) as JsonObject)?.Select(p => p.Key).Where(n => !n.StartsWith('.')).ToList() ?? [];
        foreach (var batch in names.Chunk(50))
        {
            await SendAsync(HttpMethod.Delete, "/" + string.Join(',', batch.Select(Uri.EscapeDataString)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteListedAsync(string path, string listKey, string itemKey, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, path, cancellationToken).ConfigureAwait(false);
        foreach (var item in (Listing(response).Prop(listKey) as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = JsonText.Scalar(item["name"]);
            if (!IsBuiltIn(name, item[itemKey].Prop("_meta")))
            {
                await SendAsync(HttpMethod.Delete, $"{path}/{Uri.EscapeDataString(name)}", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeletePoliciesAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, "/_ilm/policy", cancellationToken).ConfigureAwait(false);
        foreach (var (name, policy) in Listing(response) as JsonObject ?? [])
        {
            if (!IsBuiltIn(name, policy.Prop("policy").Prop("_meta")))
            {
                await SendAsync(HttpMethod.Delete, $"/_ilm/policy/{Uri.EscapeDataString(name)}", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ResetSettingsAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, "/_cluster/settings?flat_settings=true", cancellationToken).ConfigureAwait(false);
        var reset = new JsonObject();
        foreach (var scope in new[] { "persistent", "transient" })
        {
            if (Listing(response).Prop(scope) is JsonObject settings && settings.Count > 0)
            {
                reset[scope] = new JsonObject(settings.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)null)));
            }
        }

        if (reset.Count > 0)
        {
            await SendAsync(HttpMethod.Put, "/_cluster/settings", cancellationToken, body: reset.ToJsonString()).ConfigureAwait(false);
        }
    }

    /// <summary>The body of a successful listing; error bodies must not be read as lists of names.</summary>
    private static JsonNode? Listing(RestResponse? response) => response is { Status: 200 } ? response.Body : null;

    private static bool IsBuiltIn(string name, JsonNode? meta) =>
        name.StartsWith('.') || name.Contains('@', StringComparison.Ordinal) || BuiltInNames.Contains(name)
        || meta.Prop("managed") is JsonValue managed && managed.GetValueKind() == System.Text.Json.JsonValueKind.True;

    private async Task<RestResponse?> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken, bool quiet = false, string? body = null)
    {
        try
        {
            var response = await _client.SendAsync(new RestRequest(method, path, body, "application/json", NoHeaders), cancellationToken).ConfigureAwait(false);
            // 404: nothing to delete, or the API is not there; both leave nothing behind.
            if (response.Status >= 400 && response.Status != 404 && !quiet)
            {
                Problems.Add($"{method} {path} -> {response.Status} {JsonText.Truncate(response.Text, 200)}");
            }

            return response;
        }
        catch (StepFailedException e)
        {
            Problems.Add(e.Message);
            return null;
        }
    }
}
