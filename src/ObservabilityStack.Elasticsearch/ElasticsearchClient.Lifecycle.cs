using System.Text.Json;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Index lifecycle management (ILM).</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>Creates or replaces a lifecycle policy (<c>PUT /_ilm/policy/{name}</c>, body <c>{"policy":{"phases":..}}</c>).</summary>
    public Task PutLifecyclePolicyAsync(string name, string body, CancellationToken cancellationToken = default) =>
        AcknowledgeAsync(HttpMethod.Put, "/_ilm/policy/" + Segment(name), body, "put lifecycle policy", cancellationToken);

    /// <summary>The answer <c>{"name":{"version":..,"policy":{..}}}</c>; null when the policy does not exist.</summary>
    public Task<JsonElement?> GetLifecyclePolicyAsync(string name, CancellationToken cancellationToken = default) =>
        GetIfExistsAsync("/_ilm/policy/" + Segment(name), "get lifecycle policy", cancellationToken);

    /// <summary>Deletes a lifecycle policy; false when it did not exist.</summary>
    public Task<bool> DeleteLifecyclePolicyAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteIfExistsAsync("/_ilm/policy/" + Segment(name), "delete lifecycle policy", cancellationToken);

    /// <summary>
    /// Where each index is in its lifecycle (<c>GET /{index}/_ilm/explain</c>): the <c>indices</c> object, keyed by
    /// index name, each with <c>managed</c>, <c>policy</c>, <c>phase</c>, <c>action</c>, <c>step</c>, <c>age</c>.
    /// </summary>
    public async Task<JsonElement> ExplainLifecycleAsync(string index, CancellationToken cancellationToken = default)
    {
        using var document = await RequestJsonAsync(HttpMethod.Get, $"/{Segment(index)}/_ilm/explain", null, true,
            "explain lifecycle", cancellationToken).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("indices", out var indices) ? indices.Clone() : document.RootElement.Clone();
    }
}
