using ObservabilityStack.Serilog.Sinks;

namespace ObservabilityStack.Serilog;

/// <summary>Settings of the gateway sink (<c>WriteTo.ObservabilityGateway(...)</c>).</summary>
public sealed class GatewaySinkOptions : ObservabilitySinkOptions
{
    /// <summary>Base URL of the gateway; events go to <c>{Url}/v1/logs</c>. Required.</summary>
    public Uri Url { get; set; } = null!;

    /// <summary>The service's API key, sent as <c>Authorization: ApiKey ...</c>. Required; never logged.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Per-request timeout. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal override void Validate()
    {
        base.Validate();
        if (Url is null || !Url.IsAbsoluteUri)
        {
            throw new ArgumentException("The gateway sink needs an absolute Url, e.g. http://gateway:8080.", nameof(Url));
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("The gateway sink needs an ApiKey (create one with `obs keys create`).", nameof(ApiKey));
        }
    }
}
