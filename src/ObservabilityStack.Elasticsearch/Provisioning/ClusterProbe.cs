using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// Checks a cluster before anything is written: reachable, credentials accepted, version supported
/// (Elasticsearch 8.x and 9.x). Failures become <see cref="ProvisioningException"/>s whose message
/// says what to do.
/// </summary>
public static class ClusterProbe
{
    /// <summary>Lowest supported major version.</summary>
    public const int MinimumMajor = 8;

    /// <summary>Highest supported major version.</summary>
    public const int MaximumMajor = 9;

    /// <summary>Calls <c>GET /</c> and validates the answer.</summary>
    public static async Task<ClusterInfo> CheckAsync(ElasticsearchClient client, CancellationToken cancellationToken = default)
    {
        var url = client.Options.Url;
        Transport.ElasticsearchResponse response;
        try
        {
            response = await client.SendAsync(HttpMethod.Get, "/", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or ElasticsearchException { IsConnectionFailure: true })
        {
            // SendAsync surfaces HttpClient's exception; typed calls wrap it in ElasticsearchException.
            var http = ex as HttpRequestException ?? ex.InnerException as HttpRequestException;
            var hint = http?.InnerException is SocketException
                ? "Start one with `obs emulator` (or `docker compose up elasticsearch`) or pass --elasticsearch URL."
                : "Check the URL, and for HTTPS pass the cluster's CA with --ca-cert.";
            throw new ProvisioningException(ProvisioningFailureKind.Unreachable,
                $"Cannot reach Elasticsearch at {client.Options.RedactedUrl} ({http?.Message ?? ex.Message}). {hint}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProvisioningException(ProvisioningFailureKind.Unreachable,
                $"Elasticsearch at {url} did not answer within {client.Options.RequestTimeout.TotalSeconds:0}s. Is it overloaded or still starting?", ex);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new ProvisioningException(ProvisioningFailureKind.Unauthorized,
                $"Elasticsearch at {url} refused the credentials ({(int)response.StatusCode}). " +
                "Set OBS_ELASTICSEARCH_API_KEY, or OBS_ELASTICSEARCH_USERNAME and OBS_ELASTICSEARCH_PASSWORD, for a user allowed to manage templates and security.");
        }

        if (!response.IsSuccess)
        {
            throw new ProvisioningException(ProvisioningFailureKind.Unreachable,
                $"Elasticsearch at {url} answered {(int)response.StatusCode} to GET /. Is it healthy?");
        }

        var (name, version, major) = Parse(response, url);
        // Security is on when the cluster knows who we are; clusters without security answer 4xx/5xx here.
        var who = await client.SendAsync(HttpMethod.Get, "/_security/_authenticate", cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return new ClusterInfo(name, version, major, who.IsSuccess);
    }

    private static (string Name, string Version, int Major) Parse(Transport.ElasticsearchResponse response, Uri url)
    {
        string? version = null;
        string name = "unknown";
        try
        {
            using var doc = response.ToJsonDocument();
            var root = doc.RootElement;
            if (root.TryGetProperty("version", out var v) && v.TryGetProperty("number", out var number))
            {
                version = number.GetString();
            }

            if (root.TryGetProperty("cluster_name", out var cluster))
            {
                name = cluster.GetString() ?? name;
            }
        }
        catch (JsonException)
        {
            // Falls through to the "not Elasticsearch" message below.
        }

        if (version is null || !int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            throw new ProvisioningException(ProvisioningFailureKind.UnsupportedVersion,
                $"The server at {url} does not look like Elasticsearch (no version.number in GET /). Check the URL and port.");
        }

        if (major is < MinimumMajor or > MaximumMajor)
        {
            throw new ProvisioningException(ProvisioningFailureKind.UnsupportedVersion,
                $"Elasticsearch {version} at {url} is not supported: use {MinimumMajor}.x or {MaximumMajor}.x.");
        }

        return (name, version, major);
    }
}
