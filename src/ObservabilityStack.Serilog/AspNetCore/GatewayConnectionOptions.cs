namespace ObservabilityStack.Serilog.AspNetCore;

/// <summary>Section <c>ObservabilityStack:Gateway</c>: where the gateway is and the service's key.</summary>
public sealed class GatewayConnectionOptions
{
    /// <summary>Gateway base URL, e.g. <c>http://gateway:8080</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The service's API key (from an environment variable or secret store, never committed).</summary>
    public string? ApiKey { get; set; }

    /// <summary>CA certificate file the gateway's HTTPS certificate must chain to (a private CA). Default: the system store.</summary>
    public string? CaCertificatePath { get; set; }
}
