namespace ObservabilityStack.Elasticsearch.Bulk;

/// <summary>The outcome of one bulk action, in request order.</summary>
public sealed class BulkItemResult
{
    /// <summary>The action this result answers.</summary>
    public required BulkOperationType Operation { get; init; }

    /// <summary>The concrete index written (for a data stream: its <c>.ds-</c> backing index).</summary>
    public string? Index { get; init; }

    /// <summary>Document id (assigned by Elasticsearch when the request had none).</summary>
    public string? Id { get; init; }

    /// <summary>HTTP-like status of the item (201 created, 200 updated, 409 conflict, 429 rejected...).</summary>
    public required int Status { get; init; }

    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c>, <c>not_found</c>, <c>noop</c>; null on error.</summary>
    public string? Result { get; init; }

    /// <summary>Document version after the write.</summary>
    public long? Version { get; init; }

    /// <summary><c>error.type</c>, e.g. <c>document_parsing_exception</c>; null on success.</summary>
    public string? ErrorType { get; init; }

    /// <summary><c>error.reason</c> (or its <c>caused_by.reason</c>); null on success.</summary>
    public string? ErrorReason { get; init; }

    /// <summary>2xx, or a delete of a document that was already gone (404 <c>not_found</c> without error).</summary>
    public bool IsSuccess => Status is >= 200 and < 300
        || (Operation == BulkOperationType.Delete && Status == 404 && ErrorType is null);

    /// <summary>
    /// A 409 on <c>create</c>: the id already exists. When retrying a batch with deterministic ids this means
    /// "already written", not a failure.
    /// </summary>
    public bool IsConflict => Operation == BulkOperationType.Create && Status == 409;

    /// <summary>Worth resending later: 429 (rejected under load) or a 5xx.</summary>
    public bool IsRetryable => Status == 429 || Status >= 500;

    /// <summary>Will fail the same way again (mapping error, bad document...): dead-letter it.</summary>
    public bool IsPermanent => !IsSuccess && !IsConflict && !IsRetryable;

    /// <inheritdoc/>
    public override string ToString() => ErrorType is null
        ? $"{Operation} {Index}/{Id}: {Status} {Result}"
        : $"{Operation} {Index}/{Id}: {Status} {ErrorType}: {ErrorReason}";
}
