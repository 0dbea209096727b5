namespace ObservabilityStack.Serilog.AspNetCore;

/// <summary>Settings of <c>app.UseObservabilityRequestLogging()</c>.</summary>
public sealed class RequestLoggingOptions
{
    /// <summary>Path prefixes (whole segments, case-insensitive) not logged. Default health, readiness and liveness paths.</summary>
    public IList<string> ExcludedPaths { get; set; } = ["/health", "/healthz", "/ready", "/live", "/alive"];

    /// <summary>Log the client IP (<c>client.ip</c>). Default <c>true</c>.</summary>
    public bool IncludeClientIp { get; set; } = true;
}
