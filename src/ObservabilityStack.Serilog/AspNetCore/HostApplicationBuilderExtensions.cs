using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Serilog;
using ObservabilityStack.Serilog.AspNetCore;
using ObservabilityStack.Serilog.Sinks;
using Serilog;

namespace Microsoft.Extensions.Hosting;

/// <summary><c>builder.AddObservabilityStack()</c>: the one line of setup for a service.</summary>
public static class ObservabilityHostApplicationBuilderExtensions
{
    /// <summary>
    /// Reads the <c>ObservabilityStack</c> section, builds a Serilog logger with all enrichers and the gateway sink (or
    /// the Elasticsearch sink when only <c>Elasticsearch:Url</c> is set), routes <c>Microsoft.Extensions.Logging</c>
    /// through it, adds the correlation-id handler to every <c>IHttpClientFactory</c> client and registers
    /// <see cref="SinkMetrics"/>. A <c>Serilog</c> section, if present, is applied too (extra sinks, overrides).
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Adjusts the options after binding. Default none.</param>
    /// <exception cref="InvalidOperationException">Neither a gateway nor an Elasticsearch URL is configured.</exception>
    public static IHostApplicationBuilder AddObservabilityStack(this IHostApplicationBuilder builder,
        Action<ObservabilityStackOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ObservabilityStackOptions();
        builder.Configuration.GetSection(ObservabilityStackOptions.SectionName).Bind(options);
        options.ServiceName ??= builder.Environment.ApplicationName;
        options.Environment ??= builder.Environment.EnvironmentName.ToLowerInvariant();
        options.ServiceVersion ??= Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        configure?.Invoke(options);

        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(options.MinimumLevel)
            .Enrich.WithObservabilityStack(options.ServiceName, options.ServiceVersion, options.Environment);
        foreach (var (source, level) in options.Overrides)
        {
            configuration.MinimumLevel.Override(source, level);
        }

        if (builder.Configuration.GetSection("Serilog").Exists())
        {
            configuration.ReadFrom.Configuration(builder.Configuration);
        }

        AddSink(configuration, options);
        var logger = configuration.CreateLogger();

        ActivityTracing.EnsureListening();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Metrics);
        builder.Services.AddSingleton<Serilog.ILogger>(logger);
        builder.Services.AddTransient<CorrelationIdHandler>();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<CorrelationIdHandler>());

        // Serilog decides levels; the MEL filter in front of it must let everything through.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    private static void AddSink(LoggerConfiguration configuration, ObservabilityStackOptions options)
    {
        ObservabilitySinkOptions sink;
        if (options.Gateway.Url is { } gateway)
        {
            sink = new GatewaySinkOptions
            {
                Url = gateway, ApiKey = options.Gateway.ApiKey ?? string.Empty, CaCertificatePath = options.Gateway.CaCertificatePath,
            };
        }
        else if (options.Elasticsearch.Url is { } elasticsearch)
        {
            sink = new ElasticsearchSinkOptions
            {
                Url = elasticsearch,
                ApiKey = options.Elasticsearch.ApiKey,
                Username = options.Elasticsearch.Username,
                Password = options.Elasticsearch.Password,
                CaCertificatePath = options.Elasticsearch.CaCertificatePath,
                ServiceName = options.ServiceName!,
                Environment = options.Environment!,
            };
        }
        else
        {
            throw new InvalidOperationException(
                $"{ObservabilityStackOptions.SectionName}: set Gateway:Url and Gateway:ApiKey, or Elasticsearch:Url, " +
                "in configuration (appsettings.json or environment variables such as ObservabilityStack__Gateway__Url).");
        }

        sink.BufferDirectory = options.BufferDirectory;
        sink.Formatting.Redaction = options.Redaction;
        sink.Metrics = options.Metrics;
        options.ConfigureSink?.Invoke(sink);
        _ = sink switch
        {
            GatewaySinkOptions g => configuration.WriteTo.ObservabilityGateway(g),
            ElasticsearchSinkOptions e => configuration.WriteTo.Elasticsearch(e),
            _ => configuration,
        };
    }
}
