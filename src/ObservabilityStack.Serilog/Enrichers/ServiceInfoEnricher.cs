using ObservabilityStack.Elasticsearch.Documents;
using ObservabilityStack.Serilog.Formatting;
using Serilog.Core;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Enrichers;

/// <summary>Adds service name, version, environment, dataset, host name and process id. The properties are built once.</summary>
internal sealed class ServiceInfoEnricher : ILogEventEnricher
{
    private readonly LogEventProperty[] _properties;

    public ServiceInfoEnricher(string serviceName, string? serviceVersion, string? environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var properties = new List<LogEventProperty>
        {
            new(EcsFieldMap.Properties.ServiceName, new ScalarValue(serviceName)),
            new(EcsFieldMap.Properties.EventDataset, new ScalarValue(DataStreamName.Dataset(serviceName))),
            new(EcsFieldMap.Properties.HostName, new ScalarValue(Environment.MachineName)),
            new(EcsFieldMap.Properties.ProcessId, new ScalarValue(Environment.ProcessId)),
        };
        if (!string.IsNullOrWhiteSpace(serviceVersion))
        {
            properties.Add(new(EcsFieldMap.Properties.ServiceVersion, new ScalarValue(serviceVersion)));
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            properties.Add(new(EcsFieldMap.Properties.ServiceEnvironment, new ScalarValue(environment)));
        }

        _properties = [.. properties];
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var property in _properties)
        {
            logEvent.AddPropertyIfAbsent(property);
        }
    }
}
