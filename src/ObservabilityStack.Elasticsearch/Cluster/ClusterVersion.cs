using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.Cluster;

/// <summary>The <c>version</c> object of <c>GET /</c>.</summary>
public sealed class ClusterVersion
{
    /// <summary>Version number, e.g. <c>9.1.0</c>.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; set; }

    /// <summary>Build flavor, <c>default</c> for Elasticsearch.</summary>
    [JsonPropertyName("build_flavor")]
    public string? BuildFlavor { get; set; }

    /// <summary>Lucene version.</summary>
    [JsonPropertyName("lucene_version")]
    public string? LuceneVersion { get; set; }
}
