using ObservabilityStack.Serilog.Formatting;
using Serilog.Core;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Enrichers;

/// <summary>
/// Gives every event a unique, time-sortable id (a UUIDv7), the <c>event.id</c> that becomes the Elasticsearch
/// <c>_id</c>, so a retried write is recognised as a duplicate. The sinks call <see cref="Ensure"/> as well.
/// </summary>
internal sealed class EventIdEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) => Ensure(logEvent);

    /// <summary>Adds an id unless one is present; returns the event's id.</summary>
    public static Guid Ensure(LogEvent logEvent)
    {
        if (logEvent.Properties.TryGetValue(EcsFieldMap.Properties.EventId, out var existing)
            && existing is ScalarValue { Value: Guid id })
        {
            return id;
        }

        // The event timestamp leads the id, so ids sort by time and need no clock of their own.
        id = Guid.CreateVersion7(logEvent.Timestamp);
        logEvent.AddOrUpdateProperty(new LogEventProperty(EcsFieldMap.Properties.EventId, new ScalarValue(id)));
        return id;
    }
}
