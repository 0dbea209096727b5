using System.Globalization;
using System.Net;
using ObservabilityStack.Elasticsearch.Cluster;
using ObservabilityStack.Elasticsearch.Serialization;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Cluster-level calls.</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>
    /// <c>GET /</c>: name and version. Also proves the server is Elasticsearch: a 2xx answer without
    /// <c>X-Elastic-Product: Elasticsearch</c> (sent since 7.14) throws "not Elasticsearch".
    /// </summary>
    public async Task<ElasticsearchInfo> InfoAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendBytesAsync(HttpMethod.Get, "/", null, idempotent: true, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccess("info");
        if (!string.Equals(response.ProductHeader, "Elasticsearch", StringComparison.Ordinal))
        {
            throw new ElasticsearchException(
                $"not Elasticsearch: {Options.RedactedUrl} answered {(int)response.StatusCode} without the header " +
                "'X-Elastic-Product: Elasticsearch' (only Elasticsearch 7.14+ and compatible servers are supported).",
                response.StatusCode, "product_check_exception", "missing X-Elastic-Product header");
        }

        return Deserialize(response, ElasticsearchJsonContext.Default.ElasticsearchInfo, "info");
    }

    /// <summary><c>GET /_cluster/health</c>, optionally waiting for a status.</summary>
    /// <param name="index">Limit to these indices; null for the cluster.</param>
    /// <param name="waitForStatus"><c>green</c>, <c>yellow</c> or null not to wait.</param>
    /// <param name="timeout">How long the server waits for the status (its default is 30 s).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The health; <see cref="ClusterHealth.TimedOut"/> is true when the wait expired.</returns>
    public async Task<ClusterHealth> ClusterHealthAsync(string? index = null, string? waitForStatus = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var path = WithQuery(
            string.IsNullOrEmpty(index) ? "/_cluster/health" : "/_cluster/health/" + Segment(index),
            waitForStatus is null ? string.Empty : "wait_for_status=" + Uri.EscapeDataString(waitForStatus),
            timeout is { } t ? string.Create(CultureInfo.InvariantCulture, $"timeout={(long)t.TotalMilliseconds}ms") : string.Empty);
        var response = await SendBytesAsync(HttpMethod.Get, path, null, idempotent: true, cancellationToken).ConfigureAwait(false);

        // A wait that times out answers 408 with the health body (timed_out: true).
        if (response.StatusCode != HttpStatusCode.RequestTimeout)
        {
            response.EnsureSuccess("cluster health");
        }

        return Deserialize(response, ElasticsearchJsonContext.Default.ClusterHealth, "cluster health");
    }
}
