using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.DataStreams;

/// <summary>The answer of <c>POST /{target}/_rollover</c>.</summary>
public sealed class RolloverResult
{
    /// <summary>The write index before the rollover.</summary>
    [JsonPropertyName("old_index")]
    public string? OldIndex { get; set; }

    /// <summary>The new write index.</summary>
    [JsonPropertyName("new_index")]
    public string? NewIndex { get; set; }

    /// <summary>True when a new index was created (false when conditions were not met).</summary>
    [JsonPropertyName("rolled_over")]
    public bool RolledOver { get; set; }

    /// <summary>True for a dry run.</summary>
    [JsonPropertyName("dry_run")]
    public bool DryRun { get; set; }
}
