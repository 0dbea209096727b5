namespace ObservabilityStack.Gateway;

/// <summary>The Elasticsearch cluster (or emulator) the gateway delivers to.</summary>
public sealed class GatewayElasticsearchOptions
{
    /// <summary>Base URL. Default <c>http://127.0.0.1:9200</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:9200";

    /// <summary>API key for Elasticsearch, normally from the environment (<c>Gateway__Elasticsearch__ApiKey</c>). Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>User name for basic auth.</summary>
    public string? Username { get; set; }

    /// <summary>Password for basic auth, normally from the environment. Never logged.</summary>
    public string? Password { get; set; }
}
