namespace ObservabilityStack.Elasticsearch;

/// <summary>Where and how to reach an Elasticsearch cluster (or the emulator).</summary>
public sealed class ElasticsearchClientOptions
{
    /// <summary>Base URL of the cluster. Default <c>http://127.0.0.1:9200</c>.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:9200");

    /// <summary>Encoded API key sent as <c>Authorization: ApiKey ...</c>. Takes precedence over basic auth.</summary>
    public string? ApiKey { get; set; }

    /// <summary>User name for basic auth.</summary>
    public string? Username { get; set; }

    /// <summary>Password for basic auth. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Per-request timeout. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
