using ObservabilityStack.Serilog.Context;
using ObservabilityStack.Serilog.Formatting;
using Serilog.Core;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Enrichers;

/// <summary>Adds the order id of the current <see cref="OrderContext"/> scope.</summary>
internal sealed class OrderIdEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var id = OrderContext.Current;
        if (id is not null)
        {
            logEvent.AddPropertyIfAbsent(new LogEventProperty(EcsFieldMap.Properties.OrderId, new ScalarValue(id)));
        }
    }
}
