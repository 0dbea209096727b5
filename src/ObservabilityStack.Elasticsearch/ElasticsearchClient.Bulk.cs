using System.Text.Json;
using ObservabilityStack.Elasticsearch.Bulk;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Bulk writes.</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>
    /// Sends the operations as one streamed NDJSON <c>_bulk</c> request and returns per-item results in order.
    /// Item failures do not throw (inspect <see cref="BulkResponse.Items"/>); a refused request does.
    /// Whole-request 429s are retried; 502/503/504 and timeouts only when every operation names its id
    /// (resending then cannot duplicate: a re-sent <c>create</c> answers 409 "already there").
    /// </summary>
    /// <param name="operations">The actions, each with index, optional id and UTF-8 JSON document.</param>
    /// <param name="refresh">Optional <c>refresh</c> parameter.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">An operation has no index, or a write has no document.</exception>
    /// <exception cref="ElasticsearchException">The request was refused or the cluster is unreachable.</exception>
    public async Task<BulkResponse> BulkAsync(IReadOnlyList<BulkOperation> operations, Refresh? refresh = null,
        CancellationToken cancellationToken = default)
    {
        if (operations.Count == 0)
        {
            return new BulkResponse(0, false, []);
        }

        // Check every operation before anything is sent, so bad input is an ArgumentException, not a broken upload.
        var idempotent = true;
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (string.IsNullOrEmpty(operation.Index))
            {
                throw new ArgumentException($"Bulk operation {i} has no index or data stream name.", nameof(operations));
            }

            if (operation.Type != BulkOperationType.Delete && operation.Document.IsEmpty)
            {
                throw new ArgumentException(
                    $"Bulk operation {i} ({operation.Type} of '{operation.Id}' into '{operation.Index}') has no document.", nameof(operations));
            }

            idempotent &= operation.IsIdempotent;
        }

        var path = WithQuery("/_bulk", RefreshQuery(refresh));
        var response = await SendCoreAsync(HttpMethod.Post, path, () => NewBulkContent(operations), idempotent, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccess("bulk");
        try
        {
            var parsed = BulkResponse.Parse(response.Body.Span);
            return new BulkResponse(parsed.Took, parsed.Errors, parsed.Items) { Retries = response.Retries };
        }
        catch (JsonException ex)
        {
            throw new ElasticsearchException($"bulk: unexpected answer from Elasticsearch ({ex.Message}).",
                response.StatusCode, null, ex.Message, ex);
        }
    }

    private BulkContent NewBulkContent(IReadOnlyList<BulkOperation> operations)
    {
        var content = new BulkContent(operations);
        content.Headers.ContentType = ContentTypeFor("application/x-ndjson");
        return content;
    }
}
