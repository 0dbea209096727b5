using System.Text.Json.Serialization;

namespace ObservabilityStack.Elasticsearch.Cluster;

/// <summary>The answer of <c>GET /_cluster/health</c>.</summary>
public sealed class ClusterHealth
{
    /// <summary>Cluster name.</summary>
    [JsonPropertyName("cluster_name")]
    public string? ClusterName { get; set; }

    /// <summary><c>green</c>, <c>yellow</c> or <c>red</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = "red";

    /// <summary>True when a <c>wait_for_status</c> timed out.</summary>
    [JsonPropertyName("timed_out")]
    public bool TimedOut { get; set; }

    /// <summary>Nodes in the cluster.</summary>
    [JsonPropertyName("number_of_nodes")]
    public int NumberOfNodes { get; set; }

    /// <summary>Data nodes in the cluster.</summary>
    [JsonPropertyName("number_of_data_nodes")]
    public int NumberOfDataNodes { get; set; }

    /// <summary>Active primary shards.</summary>
    [JsonPropertyName("active_primary_shards")]
    public int ActivePrimaryShards { get; set; }

    /// <summary>Active shards.</summary>
    [JsonPropertyName("active_shards")]
    public int ActiveShards { get; set; }

    /// <summary>Unassigned shards.</summary>
    [JsonPropertyName("unassigned_shards")]
    public int UnassignedShards { get; set; }

    /// <summary>True for green or yellow (all primaries assigned).</summary>
    [JsonIgnore]
    public bool IsAvailable => Status is "green" or "yellow";
}
