namespace ObservabilityStack.Elasticsearch.Bulk;

/// <summary>The action of one bulk line.</summary>
public enum BulkOperationType
{
    /// <summary><c>index</c>: add or replace the document.</summary>
    Index,

    /// <summary><c>create</c>: add only if the id is new (409 otherwise); the only action data streams accept.</summary>
    Create,

    /// <summary><c>delete</c>: remove the document (no body line).</summary>
    Delete,

    /// <summary><c>update</c>: partial update; the document is the update body (e.g. <c>{"doc":{...}}</c>).</summary>
    Update,
}
