using Microsoft.AspNetCore.Http;
using ObservabilityStack.Serilog.Enrichers;
using Serilog.Configuration;

namespace Serilog;

/// <summary><c>Enrich.WithServiceInfo(...)</c>, <c>Enrich.WithTraceContext()</c> and the other ObservabilityStack enrichers.</summary>
public static class LoggerEnrichmentConfigurationExtensions
{
    /// <summary>Adds service name, version, environment, dataset, host name and process id to every event.</summary>
    /// <param name="enrichmentConfiguration">The <c>Enrich</c> object.</param>
    /// <param name="serviceName">Service name, e.g. <c>shop-api</c>; it also picks the data stream.</param>
    /// <param name="serviceVersion">Version. Default none.</param>
    /// <param name="environment">Environment, e.g. <c>production</c>. Default none.</param>
    public static LoggerConfiguration WithServiceInfo(this LoggerEnrichmentConfiguration enrichmentConfiguration,
        string serviceName, string? serviceVersion = null, string? environment = null)
    {
        ArgumentNullException.ThrowIfNull(enrichmentConfiguration);
        return enrichmentConfiguration.With(new ServiceInfoEnricher(serviceName, serviceVersion, environment));
    }

    /// <summary>Adds the W3C trace and span ids of <c>Activity.Current</c>.</summary>
    public static LoggerConfiguration WithTraceContext(this LoggerEnrichmentConfiguration enrichmentConfiguration) =>
        enrichmentConfiguration.With<TraceContextEnricher>();

    /// <summary>Adds the correlation id of the current request (<c>labels.correlation_id</c>).</summary>
    public static LoggerConfiguration WithCorrelationId(this LoggerEnrichmentConfiguration enrichmentConfiguration) =>
        enrichmentConfiguration.With<CorrelationIdEnricher>();

    /// <summary>Adds the order id of the current <c>OrderContext.Begin(orderId)</c> scope.</summary>
    public static LoggerConfiguration WithOrderContext(this LoggerEnrichmentConfiguration enrichmentConfiguration) =>
        enrichmentConfiguration.With<OrderIdEnricher>();

    /// <summary>Adds a unique, time-sortable <c>event.id</c> (the sinks add one too when it is missing).</summary>
    public static LoggerConfiguration WithEventId(this LoggerEnrichmentConfiguration enrichmentConfiguration) =>
        enrichmentConfiguration.With<EventIdEnricher>();

    /// <summary>Adds the authenticated user's id of the current HTTP request (needs <c>AddHttpContextAccessor()</c>).</summary>
    public static LoggerConfiguration WithUserId(this LoggerEnrichmentConfiguration enrichmentConfiguration) =>
        enrichmentConfiguration.With(new UserIdEnricher(new HttpContextAccessor()));

    /// <summary>All of the above: service info, trace context, correlation id, order id, user id and event id.</summary>
    /// <param name="enrichmentConfiguration">The <c>Enrich</c> object.</param>
    /// <param name="serviceName">Service name.</param>
    /// <param name="serviceVersion">Version. Default none.</param>
    /// <param name="environment">Environment. Default none.</param>
    public static LoggerConfiguration WithObservabilityStack(this LoggerEnrichmentConfiguration enrichmentConfiguration,
        string serviceName, string? serviceVersion = null, string? environment = null)
    {
        ArgumentNullException.ThrowIfNull(enrichmentConfiguration);
        return enrichmentConfiguration.With(
            new ServiceInfoEnricher(serviceName, serviceVersion, environment),
            new TraceContextEnricher(),
            new CorrelationIdEnricher(),
            new OrderIdEnricher(),
            new UserIdEnricher(new HttpContextAccessor()),
            new EventIdEnricher());
    }
}
