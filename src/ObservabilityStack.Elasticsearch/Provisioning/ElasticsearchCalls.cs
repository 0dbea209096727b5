using System.Net;
using System.Text.Json.Nodes;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>The few calls provisioning makes, with failures turned into messages that say what to do.</summary>
internal static class ElasticsearchCalls
{
    /// <summary>GETs <paramref name="path"/>; null on 404, the parsed body on 2xx, an exception otherwise.</summary>
    public static async Task<JsonNode?> GetOrNullAsync(ElasticsearchClient client, string path, string what, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(HttpMethod.Get, path, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response, "read", what);
        return JsonNode.Parse(response.Body.Span);
    }

    /// <summary>Sends <paramref name="body"/> and returns the parsed answer, or throws with Elasticsearch's reason.</summary>
    public static async Task<JsonNode?> SendAsync(ElasticsearchClient client, HttpMethod method, string path, JsonNode? body,
        string what, CancellationToken cancellationToken)
    {
        var response = await client.SendJsonAsync(method, path, body?.ToJsonString(), cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response, "write", what);
        return response.Body.IsEmpty ? null : JsonNode.Parse(response.Body.Span);
    }

    private static void EnsureSuccess(ElasticsearchResponse response, string verb, string what)
    {
        if (response.IsSuccess)
        {
            return;
        }

        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new ProvisioningException(ProvisioningFailureKind.Unauthorized,
                $"Not allowed to {verb} {what} ({status}: {ErrorReason.Of(response)}). Bootstrap needs a user with manage_index_templates, manage_ilm and manage_security, such as 'elastic'.");
        }

        throw new ProvisioningException(ProvisioningFailureKind.Rejected, $"Elasticsearch refused to {verb} {what} ({status}): {ErrorReason.Of(response)}");
    }
}
