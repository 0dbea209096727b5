namespace ObservabilityStack.Gateway;

/// <summary>Token-bucket request rates; a request over the rate gets 429 with <c>Retry-After</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per second per API key (server keys). Default 2000; 0 disables.</summary>
    public int RequestsPerSecondPerKey { get; set; } = 2000;

    /// <summary>Burst above the rate per key. Default 4000.</summary>
    public int BurstPerKey { get; set; } = 4000;

    /// <summary>Requests per second per client IP on the browser endpoint. Default 20; 0 disables.</summary>
    public int BrowserRequestsPerSecondPerIp { get; set; } = 20;

    /// <summary>Burst per client IP on the browser endpoint. Default 40.</summary>
    public int BrowserBurstPerIp { get; set; } = 40;
}
