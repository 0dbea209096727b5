using System.Diagnostics;
using ObservabilityStack.Serilog.Formatting;
using Serilog.Core;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Enrichers;

/// <summary>Adds the W3C trace and span ids of <see cref="Activity.Current"/>.</summary>
internal sealed class TraceContextEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var activity = Activity.Current;
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C)
        {
            return;
        }

        // The ids stay structs (boxed) until the formatter writes them as hex on the background thread.
        logEvent.AddPropertyIfAbsent(new LogEventProperty(EcsFieldMap.Properties.TraceId, new ScalarValue(activity.TraceId)));
        logEvent.AddPropertyIfAbsent(new LogEventProperty(EcsFieldMap.Properties.SpanId, new ScalarValue(activity.SpanId)));
    }
}
