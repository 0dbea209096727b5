using ObservabilityStack.Elasticsearch.Documents;
using ObservabilityStack.Serilog.Formatting;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Sinks.Elasticsearch;

/// <summary>Routes each event to <c>logs-{service}-{environment}</c> from its own properties, else the sink's defaults.</summary>
internal sealed class DataStreamResolver(string defaultService, string defaultEnvironment)
{
    // Used only on the sink loop; the handful of (service, environment) pairs is cached to avoid per-event strings.
    private readonly Dictionary<(string, string), string> _names = [];

    public string For(LogEvent logEvent)
    {
        var service = Text(logEvent, EcsFieldMap.Properties.ServiceName) ?? defaultService;
        var environment = Text(logEvent, EcsFieldMap.Properties.ServiceEnvironment) ?? defaultEnvironment;
        if (!_names.TryGetValue((service, environment), out var name))
        {
            name = DataStreamName.For(service, environment);
            if (_names.Count < 256)
            {
                _names[(service, environment)] = name;
            }
        }

        return name;
    }

    private static string? Text(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: string s } && s.Length > 0
            ? s
            : null;
}
