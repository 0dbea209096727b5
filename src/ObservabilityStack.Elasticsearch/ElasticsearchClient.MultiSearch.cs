using System.Text.Json;
using ObservabilityStack.Elasticsearch.Search;
using ObservabilityStack.Elasticsearch.Serialization;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Multi-search.</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>
    /// Runs several searches in one <c>_msearch</c> round trip. Each search's failure is reported in its item,
    /// not thrown. Dispose the answer.
    /// </summary>
    /// <param name="searches">Target index (null for all) and JSON body of each search.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<MultiSearchResponse> MultiSearchAsync(IReadOnlyList<(string? Index, string Body)> searches,
        CancellationToken cancellationToken = default)
    {
        using var buffer = new PooledBufferWriter(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            foreach (var (index, body) in searches)
            {
                json.Reset(buffer);
                json.WriteStartObject();
                if (!string.IsNullOrEmpty(index))
                {
                    json.WriteString("index", index);
                }

                json.WriteEndObject();
                json.Flush();
                buffer.Write((byte)'\n');

                // Each body must sit on one line: re-emit it compactly.
                using var parsed = JsonDocument.Parse(body);
                json.Reset(buffer);
                parsed.WriteTo(json);
                json.Flush();
                buffer.Write((byte)'\n');
            }
        }

        var bytes = buffer.WrittenMemory.ToArray();
        var response = await SendBytesAsync(HttpMethod.Post, "/_msearch", bytes, idempotent: true, cancellationToken,
            "application/x-ndjson").ConfigureAwait(false);
        return new MultiSearchResponse(Parse(response.EnsureSuccess("multi search"), "multi search"));
    }
}
