using ObservabilityStack.Serilog.Sinks;

namespace ObservabilityStack.Serilog;

/// <summary>Settings of the direct Elasticsearch sink (<c>WriteTo.Elasticsearch(...)</c>).</summary>
public sealed class ElasticsearchSinkOptions : ObservabilitySinkOptions
{
    /// <summary>
    /// Creates the options. Unlike the gateway sink, compression is off by default here: Elasticsearch accepts gzip
    /// bodies, but the emulator and some proxies in front of clusters do not; set <c>Compress = true</c> for a cluster.
    /// </summary>
    public ElasticsearchSinkOptions() => Compress = false;

    /// <summary>Cluster (or emulator) URL. Default <c>http://127.0.0.1:9200</c>.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:9200");

    /// <summary>Encoded API key; takes precedence over basic auth. Default none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>User for basic auth. Default none.</summary>
    public string? Username { get; set; }

    /// <summary>Password for basic auth; never logged. Default none.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Service whose data stream receives events that carry no service name of their own
    /// (<c>Enrich.WithServiceInfo</c> sets it per event). Required.
    /// </summary>
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>Environment (the data stream namespace) for events that carry none. Default <c>production</c>.</summary>
    public string Environment { get; set; } = "production";

    /// <summary>
    /// Before the first batch, create or update this service's templates, ILM retention policy and data stream with the
    /// provisioning code of <c>obs bootstrap</c> (needs <c>elk/</c>, see <see cref="AssetsDirectory"/>, and a key allowed to
    /// manage templates and ILM). Failures are reported in <see cref="ProvisioningError"/> and SelfLog; logging goes on. Default false.
    /// </summary>
    public bool ProvisionOnStart { get; set; }

    /// <summary>Folder holding <c>elk/</c> for <see cref="ProvisionOnStart"/>. Default <c>OBS_ASSETS_DIR</c>, else the application's base directory.</summary>
    public string? AssetsDirectory { get; set; }

    /// <summary>Days this service's logs are kept after rollover, for <see cref="ProvisionOnStart"/>. Default 14.</summary>
    public int RetentionDays { get; set; } = 14;

    /// <summary>Owning team recorded in the index template, for <see cref="ProvisionOnStart"/>. Default <c>unknown</c>.</summary>
    public string Owner { get; set; } = "unknown";

    /// <summary>Why <see cref="ProvisionOnStart"/> failed, or null (not asked, not yet run, or succeeded).</summary>
    public string? ProvisioningError { get; internal set; }

    /// <summary>Per-request timeout. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal override void Validate()
    {
        base.Validate();
        if (Url is null || !Url.IsAbsoluteUri)
        {
            throw new ArgumentException("The Elasticsearch sink needs an absolute Url, e.g. http://127.0.0.1:9200.", nameof(Url));
        }

        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            throw new ArgumentException("The Elasticsearch sink needs a ServiceName to choose its data stream.", nameof(ServiceName));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RetentionDays, 1, nameof(RetentionDays));
    }
}
