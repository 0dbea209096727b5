namespace ObservabilityStack.Elasticsearch.Documents;

/// <summary>The answer of a single-document index, create or delete.</summary>
public sealed class DocumentWriteResult
{
    /// <summary>Concrete index written (a data stream's backing index).</summary>
    public string? Index { get; init; }

    /// <summary>Document id (assigned by Elasticsearch when none was given).</summary>
    public string? Id { get; init; }

    /// <summary>Version after the write.</summary>
    public long? Version { get; init; }

    /// <summary>Sequence number after the write.</summary>
    public long? SeqNo { get; init; }

    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c> or <c>not_found</c>.</summary>
    public string? Result { get; init; }
}
