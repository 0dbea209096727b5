using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ObservabilityStack.Elasticsearch.Serialization;

namespace ObservabilityStack.Elasticsearch.Bulk;

/// <summary>
/// One bulk action: its type, target index (or data stream), optional id, and the document as pre-serialized
/// UTF-8 JSON. Callers serialize their documents once; the bulk body writer copies the bytes as they are.
/// </summary>
/// <param name="Type">The action.</param>
/// <param name="Index">Target index, alias or data stream.</param>
/// <param name="Id">Document id; null lets Elasticsearch assign one (not retry-safe).</param>
/// <param name="Document">UTF-8 JSON document (ignored for delete). Indented JSON is compacted onto one line.</param>
public readonly record struct BulkOperation(BulkOperationType Type, string Index, string? Id, ReadOnlyMemory<byte> Document)
{
    /// <summary>A <c>create</c> of a pre-serialized document.</summary>
    public static BulkOperation Create(string index, string? id, ReadOnlyMemory<byte> document) =>
        new(BulkOperationType.Create, index, id, document);

    /// <summary>A <c>create</c> of a JSON element.</summary>
    public static BulkOperation Create(string index, string? id, JsonElement document) =>
        new(BulkOperationType.Create, index, id, JsonSerializer.SerializeToUtf8Bytes(document, ElasticsearchJsonContext.Default.JsonElement));

    /// <summary>A <c>create</c> of an object serialized with a (source-generated) type info.</summary>
    public static BulkOperation Create<T>(string index, string? id, T document, JsonTypeInfo<T> typeInfo) =>
        new(BulkOperationType.Create, index, id, JsonSerializer.SerializeToUtf8Bytes(document, typeInfo));

    /// <summary>An <c>index</c> of a pre-serialized document.</summary>
    public static BulkOperation IndexDocument(string index, string? id, ReadOnlyMemory<byte> document) =>
        new(BulkOperationType.Index, index, id, document);

    /// <summary>An <c>index</c> of a JSON element.</summary>
    public static BulkOperation IndexDocument(string index, string? id, JsonElement document) =>
        new(BulkOperationType.Index, index, id, JsonSerializer.SerializeToUtf8Bytes(document, ElasticsearchJsonContext.Default.JsonElement));

    /// <summary>An <c>index</c> of an object serialized with a (source-generated) type info.</summary>
    public static BulkOperation IndexDocument<T>(string index, string? id, T document, JsonTypeInfo<T> typeInfo) =>
        new(BulkOperationType.Index, index, id, JsonSerializer.SerializeToUtf8Bytes(document, typeInfo));

    /// <summary>A <c>delete</c> of a document by id.</summary>
    public static BulkOperation Delete(string index, string id) => new(BulkOperationType.Delete, index, id, default);

    /// <summary>True when resending this action cannot duplicate data (it names its id and is not an update).</summary>
    public bool IsIdempotent => !string.IsNullOrEmpty(Id) && Type != BulkOperationType.Update;
}
