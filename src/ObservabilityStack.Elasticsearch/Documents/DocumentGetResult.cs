using System.Text.Json;

namespace ObservabilityStack.Elasticsearch.Documents;

/// <summary>A fetched document. <see cref="Source"/> is a detached copy, safe to keep.</summary>
public sealed class DocumentGetResult
{
    /// <summary>Concrete index holding the document.</summary>
    public string? Index { get; init; }

    /// <summary>Document id.</summary>
    public string? Id { get; init; }

    /// <summary>Document version.</summary>
    public long? Version { get; init; }

    /// <summary>The document's <c>_source</c>.</summary>
    public JsonElement Source { get; init; }
}
