using System.Text.Json;
using ObservabilityStack.Elasticsearch.Serialization;

namespace ObservabilityStack.Elasticsearch.Bulk;

/// <summary>A <c>_bulk</c> answer: overall flags and one result per action, in request order.</summary>
public sealed class BulkResponse
{
    /// <summary>Creates a response.</summary>
    public BulkResponse(long took, bool errors, IReadOnlyList<BulkItemResult> items)
    {
        Took = took;
        Errors = errors;
        Items = items;
    }

    /// <summary>Milliseconds Elasticsearch spent.</summary>
    public long Took { get; }

    /// <summary>True when at least one item failed (Elasticsearch's <c>errors</c> flag).</summary>
    public bool Errors { get; }

    /// <summary>Per-action results, in the order of the request's actions.</summary>
    public IReadOnlyList<BulkItemResult> Items { get; }

    /// <summary>Items written (including deletes of documents already gone).</summary>
    public int SucceededCount => Count(static i => i.IsSuccess);

    /// <summary>Items whose <c>create</c> found the id already there (409): written by an earlier attempt.</summary>
    public int ConflictCount => Count(static i => i.IsConflict);

    /// <summary>Items worth resending (429, 5xx).</summary>
    public int RetryableCount => Count(static i => i.IsRetryable);

    /// <summary>Items that will fail again (mapping errors, bad documents): to dead-letter, never to drop silently.</summary>
    public int PermanentCount => Count(static i => i.IsPermanent);

    /// <summary>Retries this answer took at the HTTP level (429/5xx of the whole request).</summary>
    public int Retries { get; init; }

    /// <summary>Parses Elasticsearch's <c>_bulk</c> answer JSON.</summary>
    /// <exception cref="JsonException">The body is not a bulk answer.</exception>
    public static BulkResponse Parse(ReadOnlySpan<byte> json)
    {
        var wire = JsonSerializer.Deserialize(json, ElasticsearchJsonContext.Default.BulkResponseWire)
            ?? throw new JsonException("Empty bulk answer.");
        var items = new BulkItemResult[wire.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ToItem(wire.Items[i]);
        }

        return new BulkResponse(wire.Took, wire.Errors, items);
    }

    private int Count(Func<BulkItemResult, bool> predicate)
    {
        var count = 0;
        for (var i = 0; i < Items.Count; i++)
        {
            count += predicate(Items[i]) ? 1 : 0;
        }

        return count;
    }

    private static BulkItemResult ToItem(Dictionary<string, BulkItemWire> entry)
    {
        foreach (var (action, item) in entry)
        {
            return new BulkItemResult
            {
                Operation = action switch
                {
                    "create" => BulkOperationType.Create,
                    "delete" => BulkOperationType.Delete,
                    "update" => BulkOperationType.Update,
                    _ => BulkOperationType.Index,
                },
                Index = item.Index,
                Id = item.Id,
                Status = item.Status,
                Result = item.Result,
                Version = item.Version,
                ErrorType = item.Error?.Type,
                ErrorReason = item.Error?.Reason ?? item.Error?.CausedBy?.Reason,
            };
        }

        throw new JsonException("A bulk item has no action.");
    }
}
