using ObservabilityStack.Serilog;
using ObservabilityStack.Serilog.Sinks;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace Serilog;

/// <summary>
/// <c>WriteTo.ObservabilityGateway(...)</c> and <c>WriteTo.Elasticsearch(...)</c>. The overloads taking plain values
/// are the ones Serilog.Settings.Configuration binds from appsettings (<c>"Name": "ObservabilityGateway"</c>).
/// </summary>
public static class LoggerSinkConfigurationExtensions
{
    /// <summary>Sends ECS documents to the gateway's <c>/v1/logs</c> (appsettings-friendly overload).</summary>
    /// <param name="sinkConfiguration">The <c>WriteTo</c> object.</param>
    /// <param name="gatewayUrl">Gateway base URL, e.g. <c>http://gateway:8080</c>.</param>
    /// <param name="apiKey">The service's API key.</param>
    /// <param name="bufferDirectory">Durable buffer directory; null (default) for memory only.</param>
    /// <param name="queueLimit">In-memory queue size. Default 100000.</param>
    /// <param name="deadLetterPath">Dead-letter NDJSON file. Default: in the buffer directory, if any.</param>
    /// <param name="restrictedToMinimumLevel">Lowest level passed to the sink. Default all.</param>
    /// <param name="levelSwitch">Optional switch that changes the level at runtime.</param>
    public static LoggerConfiguration ObservabilityGateway(this LoggerSinkConfiguration sinkConfiguration, string gatewayUrl,
        string apiKey, string? bufferDirectory = null, int queueLimit = 100_000, string? deadLetterPath = null,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum, LoggingLevelSwitch? levelSwitch = null) =>
        sinkConfiguration.ObservabilityGateway(new GatewaySinkOptions
        {
            Url = new Uri(gatewayUrl, UriKind.Absolute),
            ApiKey = apiKey,
            BufferDirectory = bufferDirectory,
            QueueLimit = queueLimit,
            DeadLetterPath = deadLetterPath,
        }, restrictedToMinimumLevel, levelSwitch);

    /// <summary>Sends ECS documents to the gateway, configured in code.</summary>
    /// <param name="sinkConfiguration">The <c>WriteTo</c> object.</param>
    /// <param name="endpoint">Gateway base URL.</param>
    /// <param name="apiKey">The service's API key.</param>
    /// <param name="configure">Adjusts the remaining options (batching, buffer, failure callback...).</param>
    /// <param name="restrictedToMinimumLevel">Lowest level passed to the sink. Default all.</param>
    /// <param name="levelSwitch">Optional switch that changes the level at runtime.</param>
    public static LoggerConfiguration ObservabilityGateway(this LoggerSinkConfiguration sinkConfiguration, Uri endpoint,
        string apiKey, Action<GatewaySinkOptions>? configure, LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum,
        LoggingLevelSwitch? levelSwitch = null)
    {
        var options = new GatewaySinkOptions { Url = endpoint, ApiKey = apiKey };
        configure?.Invoke(options);
        return sinkConfiguration.ObservabilityGateway(options, restrictedToMinimumLevel, levelSwitch);
    }

    /// <summary>Sends ECS documents to the gateway with a complete options object.</summary>
    /// <param name="sinkConfiguration">The <c>WriteTo</c> object.</param>
    /// <param name="options">All settings; read <see cref="ObservabilityStack.Serilog.Sinks.ObservabilitySinkOptions.Metrics"/> later for counters.</param>
    /// <param name="restrictedToMinimumLevel">Lowest level passed to the sink. Default all.</param>
    /// <param name="levelSwitch">Optional switch that changes the level at runtime.</param>
    public static LoggerConfiguration ObservabilityGateway(this LoggerSinkConfiguration sinkConfiguration, GatewaySinkOptions options,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum, LoggingLevelSwitch? levelSwitch = null)
    {
        ArgumentNullException.ThrowIfNull(sinkConfiguration);
        return sinkConfiguration.Sink(DeliverySinks.Gateway(options), restrictedToMinimumLevel, levelSwitch);
    }

    /// <summary>Writes ECS documents straight to Elasticsearch data streams (appsettings-friendly overload).</summary>
    /// <param name="sinkConfiguration">The <c>WriteTo</c> object.</param>
    /// <param name="url">Cluster or emulator URL.</param>
    /// <param name="serviceName">Service for events without their own service name (data stream routing).</param>
    /// <param name="environment">Environment for events without their own. Default <c>production</c>.</param>
    /// <param name="apiKey">Encoded API key. Default none.</param>
    /// <param name="username">Basic auth user. Default none.</param>
    /// <param name="password">Basic auth password. Default none.</param>
    /// <param name="bufferDirectory">Durable buffer directory; null (default) for memory only.</param>
    /// <param name="deadLetterPath">Dead-letter NDJSON file. Default: in the buffer directory, if any.</param>
    /// <param name="restrictedToMinimumLevel">Lowest level passed to the sink. Default all.</param>
    /// <param name="levelSwitch">Optional switch that changes the level at runtime.</param>
    public static LoggerConfiguration Elasticsearch(this LoggerSinkConfiguration sinkConfiguration, string url, string serviceName,
        string environment = "production", string? apiKey = null, string? username = null, string? password = null,
        string? bufferDirectory = null, string? deadLetterPath = null,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum, LoggingLevelSwitch? levelSwitch = null) =>
        sinkConfiguration.Elasticsearch(new ElasticsearchSinkOptions
        {
            Url = new Uri(url, UriKind.Absolute),
            ServiceName = serviceName,
            Environment = environment,
            ApiKey = apiKey,
            Username = username,
            Password = password,
            BufferDirectory = bufferDirectory,
            DeadLetterPath = deadLetterPath,
        }, restrictedToMinimumLevel, levelSwitch);

    /// <summary>Writes ECS documents straight to Elasticsearch, configured in code.</summary>
    /// <param name="sinkConfiguration">The <c>WriteTo</c> object.</param>
    /// <param name="endpoint">Cluster or emulator URL.</param>
    /// <param name="serviceName">Service for events without their own service name.</param>
    /// <param name="configure">Adjusts the remaining options.</param>
    /// <param name="restrictedToMinimumLevel">Lowest level passed to the sink. Default all.</param>
    /// <param name="levelSwitch">Optional switch that changes the level at runtime.</param>
    public static LoggerConfiguration Elasticsearch(this LoggerSinkConfiguration sinkConfiguration, Uri endpoint, string serviceName,
        Action<ElasticsearchSinkOptions>? configure, LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum,
        LoggingLevelSwitch? levelSwitch = null)
    {
        var options = new ElasticsearchSinkOptions { Url = endpoint, ServiceName = serviceName };
        configure?.Invoke(options);
        return sinkConfiguration.Elasticsearch(options, restrictedToMinimumLevel, levelSwitch);
    }

    /// <summary>Writes ECS documents straight to Elasticsearch with a complete options object.</summary>
    /// <param name="sinkConfiguration">The <c>WriteTo</c> object.</param>
    /// <param name="options">All settings; read <see cref="ObservabilityStack.Serilog.Sinks.ObservabilitySinkOptions.Metrics"/> later for counters.</param>
    /// <param name="restrictedToMinimumLevel">Lowest level passed to the sink. Default all.</param>
    /// <param name="levelSwitch">Optional switch that changes the level at runtime.</param>
    public static LoggerConfiguration Elasticsearch(this LoggerSinkConfiguration sinkConfiguration, ElasticsearchSinkOptions options,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum, LoggingLevelSwitch? levelSwitch = null)
    {
        ArgumentNullException.ThrowIfNull(sinkConfiguration);
        return sinkConfiguration.Sink(DeliverySinks.Elasticsearch(options), restrictedToMinimumLevel, levelSwitch);
    }
}
