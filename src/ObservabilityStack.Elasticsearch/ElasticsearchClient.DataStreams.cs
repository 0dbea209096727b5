using System.Net;
using ObservabilityStack.Elasticsearch.DataStreams;
using ObservabilityStack.Elasticsearch.Serialization;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Data streams.</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>Creates a data stream explicitly (a matching index template with <c>data_stream</c> must exist).</summary>
    public Task CreateDataStreamAsync(string name, CancellationToken cancellationToken = default) =>
        AcknowledgeAsync(HttpMethod.Put, "/_data_stream/" + Segment(name), null, "create data stream", cancellationToken);

    /// <summary>Data streams matching a name or pattern (null: all); empty when none matches.</summary>
    public async Task<IReadOnlyList<DataStreamInfo>> GetDataStreamsAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var path = string.IsNullOrEmpty(name) ? "/_data_stream" : "/_data_stream/" + Segment(name);
        var response = await SendBytesAsync(HttpMethod.Get, path, null, true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        return Deserialize(response.EnsureSuccess("get data stream"), ElasticsearchJsonContext.Default.DataStreamsWire, "get data stream")
            .DataStreams;
    }

    /// <summary>Deletes a data stream and its backing indices; false when it did not exist.</summary>
    public Task<bool> DeleteDataStreamAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteIfExistsAsync("/_data_stream/" + Segment(name), "delete data stream", cancellationToken);

    /// <summary>
    /// Rolls a data stream or alias over to a new write index, optionally only when <paramref name="body"/>'s
    /// <c>conditions</c> are met. Not retried on 5xx: a resend could roll over twice.
    /// </summary>
    public Task<RolloverResult> RolloverAsync(string target, string? body = null, CancellationToken cancellationToken = default) =>
        RequestAsync(HttpMethod.Post, $"/{Segment(target)}/_rollover", Utf8(body), idempotent: false,
            ElasticsearchJsonContext.Default.RolloverResult, "rollover", cancellationToken);
}
