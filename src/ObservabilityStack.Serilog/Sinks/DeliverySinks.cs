using ObservabilityStack.Serilog.Sinks.Core;
using ObservabilityStack.Serilog.Sinks.Elasticsearch;
using ObservabilityStack.Serilog.Sinks.Gateway;

namespace ObservabilityStack.Serilog.Sinks;

/// <summary>Creates the two sinks from complete options: every <c>WriteTo</c> overload ends here.</summary>
internal static class DeliverySinks
{
    public static DeliverySink Gateway(GatewaySinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new DeliverySink("ObservabilityGateway", options, new GatewayTransport(options), static _ => string.Empty);
    }

    public static DeliverySink Elasticsearch(ElasticsearchSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var resolver = new DataStreamResolver(options.ServiceName, options.Environment);
        var transport = new ElasticsearchTransport(options);
        Func<CancellationToken, Task>? startup = options.ProvisionOnStart
            ? ct => ServiceProvisioner.RunAsync(transport.Client, options, ct)
            : null;
        return new DeliverySink("Elasticsearch", options, transport, resolver.For, startup);
    }
}
