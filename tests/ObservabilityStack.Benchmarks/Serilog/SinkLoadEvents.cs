using System.Text;
using ObservabilityStack.Serilog;
using ObservabilityStack.Serilog.Formatting;
using ObservabilityStack.Serilog.Sinks.Core;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ObservabilityStack.Benchmarks.Serilog;

/// <summary>
/// The events of the sink load run, made once through a real logger with all enrichers, and the same events as
/// pre-built <c>_bulk</c> bodies for the baseline (what the emulator alone can take).
/// </summary>
internal static class SinkLoadEvents
{
    public static List<LogEvent> Create(int count)
    {
        var events = new List<LogEvent>(count);
        using var logger = new LoggerConfiguration()
            .Enrich.WithObservabilityStack("load-test", "1.0.0", "bench")
            .WriteTo.Sink(new CollectingSink(events))
            .CreateLogger();
        for (var i = 0; i < count; i++)
        {
            logger.Information("Order {OrderId} created by {UserId} with {Lines} lines", "ord-" + i, "u-" + (i % 97), i % 5 + 1);
        }

        return events;
    }

    /// <summary>The documents as the sink writes them, each batch one <c>_bulk</c> body of <c>create</c> actions.</summary>
    public static List<byte[]> BulkBodies(IReadOnlyList<LogEvent> events, int batch, string index)
    {
        var factory = new RecordFactory(new EcsJsonFormatter(new EcsFormatterOptions()), _ => index);
        var bodies = new List<byte[]>();
        using var body = new MemoryStream();
        for (var from = 0; from < events.Count; from += batch)
        {
            body.SetLength(0);
            for (var i = from; i < Math.Min(events.Count, from + batch); i++)
            {
                var record = factory.Create(events[i]);
                body.Write(Encoding.UTF8.GetBytes($"{{\"create\":{{\"_index\":\"{record.Index}\",\"_id\":\"{record.Id}\"}}}}\n"));
                body.Write(record.Json);
                body.WriteByte((byte)'\n');
            }

            bodies.Add(body.ToArray());
        }

        return bodies;
    }

    /// <summary>Single-threaded formatting rate over all events, with and without redaction.</summary>
    public static string FormattingRates(IReadOnlyList<LogEvent> events)
    {
        var formatter = new EcsJsonFormatter(new EcsFormatterOptions());
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        formatter.Format(events[0], buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var logEvent in events)
        {
            buffer.ResetWrittenCount();
            formatter.Format(logEvent, buffer);
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)events.Count;
        return $"formatting (one thread): {Rate(new EcsFormatterOptions()):N0} events/s with redaction, " +
            $"{Rate(new EcsFormatterOptions { Redaction = { Enabled = false } }):N0} without; formatter allocates {allocated:N0} bytes/event";

        double Rate(EcsFormatterOptions options)
        {
            var factory = new RecordFactory(new EcsJsonFormatter(options), _ => "logs-load_test-bench");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var logEvent in events)
            {
                factory.Create(logEvent);
            }

            return events.Count / watch.Elapsed.TotalSeconds;
        }
    }

    private sealed class CollectingSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
