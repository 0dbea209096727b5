namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>What <see cref="ClusterProbe"/> learned about a cluster.</summary>
/// <param name="Name">Cluster name.</param>
/// <param name="Version">Version number, e.g. <c>9.1.0</c>.</param>
/// <param name="Major">Major version (8 or 9 for supported clusters).</param>
/// <param name="SecurityEnabled">True when the cluster runs security (<c>_security/_authenticate</c> answers).</param>
public sealed record ClusterInfo(string Name, string Version, int Major, bool SecurityEnabled);
