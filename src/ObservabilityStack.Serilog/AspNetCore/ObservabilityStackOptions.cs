using ObservabilityStack.Serilog.Redaction;
using ObservabilityStack.Serilog.Sinks;
using Serilog.Events;

namespace ObservabilityStack.Serilog.AspNetCore;

/// <summary>The <c>ObservabilityStack</c> configuration section read by <c>builder.AddObservabilityStack()</c>.</summary>
public sealed class ObservabilityStackOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ObservabilityStack";

    /// <summary>Service name; picks the data stream. Default the application name.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Service version. Default the entry assembly's informational version.</summary>
    public string? ServiceVersion { get; set; }

    /// <summary>Environment (data stream namespace). Default the host environment name, lower-cased.</summary>
    public string? Environment { get; set; }

    /// <summary>Lowest level written. Default <see cref="LogEventLevel.Information"/>.</summary>
    public LogEventLevel MinimumLevel { get; set; } = LogEventLevel.Information;

    /// <summary>Per-source minimum levels. Default: <c>Microsoft.AspNetCore</c> and <c>System.Net.Http</c> at Warning.</summary>
    public IDictionary<string, LogEventLevel> Overrides { get; set; } = new Dictionary<string, LogEventLevel>(StringComparer.Ordinal)
    {
        ["Microsoft.AspNetCore"] = LogEventLevel.Warning,
        ["System.Net.Http"] = LogEventLevel.Warning,
    };

    /// <summary>Send through the gateway (preferred in production). Set Url and ApiKey.</summary>
    public GatewayConnectionOptions Gateway { get; set; } = new();

    /// <summary>Or write straight to Elasticsearch. Used when no gateway URL is set.</summary>
    public ElasticsearchConnectionOptions Elasticsearch { get; set; } = new();

    /// <summary>Durable buffer directory. Default none (memory queue only).</summary>
    public string? BufferDirectory { get; set; }

    /// <summary>Redaction settings.</summary>
    public RedactionOptions Redaction { get; set; } = new();

    /// <summary>Request logging settings.</summary>
    public RequestLoggingOptions RequestLogging { get; set; } = new();

    /// <summary>Adjusts the sink options in code after binding (batching, failure callback...). Default none.</summary>
    public Action<ObservabilitySinkOptions>? ConfigureSink { get; set; }

    /// <summary>Counters of the configured sink, also registered as a singleton service.</summary>
    public SinkMetrics Metrics { get; } = new();
}
