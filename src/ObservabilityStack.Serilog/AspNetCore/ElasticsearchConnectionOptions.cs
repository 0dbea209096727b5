namespace ObservabilityStack.Serilog.AspNetCore;

/// <summary>Section <c>ObservabilityStack:Elasticsearch</c>: a cluster (or the emulator) to write to directly.</summary>
public sealed class ElasticsearchConnectionOptions
{
    /// <summary>Cluster URL, e.g. <c>http://127.0.0.1:9200</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>Encoded API key. Default none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Basic auth user. Default none.</summary>
    public string? Username { get; set; }

    /// <summary>Basic auth password. Default none.</summary>
    public string? Password { get; set; }

    /// <summary>CA certificate file the cluster's HTTPS certificate must chain to (a private CA). Default: the system store.</summary>
    public string? CaCertificatePath { get; set; }
}
