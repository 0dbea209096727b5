using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.Cluster;

/// <summary>The answer of <c>GET /</c>: which node, cluster and version.</summary>
public sealed class ElasticsearchInfo
{
    /// <summary>Node name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Cluster name.</summary>
    [JsonPropertyName("cluster_name")]
    public string? ClusterName { get; set; }

    /// <summary>Cluster UUID.</summary>
    [JsonPropertyName("cluster_uuid")]
    public string? ClusterUuid { get; set; }

    /// <summary>Version details.</summary>
    [JsonPropertyName("version")]
    public ClusterVersion Version { get; set; } = new();

    /// <summary>"You Know, for Search".</summary>
    [JsonPropertyName("tagline")]
    public string? Tagline { get; set; }

    /// <summary>Major version parsed from <see cref="ClusterVersion.Number"/> (e.g. 9), or 0 if unknown.</summary>
    [JsonIgnore]
    public int MajorVersion =>
        Version.Number is { } number && int.TryParse(number.AsSpan(0, Math.Max(0, number.IndexOf('.', StringComparison.Ordinal))),
            System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major)
            ? major
            : 0;
}
