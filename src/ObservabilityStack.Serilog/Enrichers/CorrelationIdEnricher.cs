using ObservabilityStack.Serilog.Context;
using ObservabilityStack.Serilog.Formatting;
using Serilog.Core;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Enrichers;

/// <summary>Adds the correlation id of <see cref="CorrelationContext"/> (written as <c>labels.correlation_id</c>).</summary>
internal sealed class CorrelationIdEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var id = CorrelationContext.Current;
        if (id is not null)
        {
            logEvent.AddPropertyIfAbsent(new LogEventProperty(EcsFieldMap.Properties.CorrelationId, new ScalarValue(id)));
        }
    }
}
