using Serilog.Debugging;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>Counts, reports (callback + SelfLog) and dead-letters failed events, so nothing is lost silently.</summary>
internal sealed class FailureReporter(ObservabilitySinkOptions options, string sinkName)
{
    private readonly DeadLetterWriter? _deadLetter =
        options.ResolvedDeadLetterPath is { } path ? new DeadLetterWriter(path, options.TimeProvider) : null;

    public SinkMetrics Metrics { get; } = options.Metrics;

    /// <summary>An event refused at <c>Emit</c>.</summary>
    public void Dropped(LogEvent logEvent, string reason)
    {
        var total = Metrics.AddDropped(1, wasQueued: false);

        // SelfLog on the first drop and every 1000th: a flood must not turn into a second flood.
        if (total == 1 || total % 1000 == 0)
        {
            SelfLog.WriteLine("{0}: dropped events ({1} in total so far): {2}", sinkName, total, reason);
        }

        Notify(new SinkFailure(SinkFailureKind.Dropped, reason, 1, [logEvent], []));
    }

    /// <summary>Events lost after they were queued (buffer full, shutdown).</summary>
    public void Dropped(int count, string reason, IReadOnlyList<LogRecord>? records = null)
    {
        if (count <= 0)
        {
            return;
        }

        var total = Metrics.AddDropped(count, wasQueued: true);
        SelfLog.WriteLine("{0}: dropped {1} events: {2}", sinkName, count, $"{reason} ({total} in total so far)");
        Notify(new SinkFailure(SinkFailureKind.Dropped, reason, count, [], Texts(records)));
    }

    public void DeadLettered(IReadOnlyList<(LogRecord Record, string Reason)> rejected)
    {
        if (rejected.Count == 0)
        {
            return;
        }

        try
        {
            _deadLetter?.Write(rejected);
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("{0}: could not write the dead-letter file: {1}", sinkName, ex);
        }

        Metrics.AddDeadLettered(rejected.Count);
        SelfLog.WriteLine("{0}: {1} events rejected permanently, first reason: {2}", sinkName, rejected.Count, rejected[0].Reason);
        foreach (var group in rejected.GroupBy(r => r.Reason, StringComparer.Ordinal))
        {
            var records = group.Select(r => r.Record).ToList();
            Notify(new SinkFailure(SinkFailureKind.DeadLettered, group.Key, records.Count, [], Texts(records)));
        }
    }

    private static string[] Texts(IReadOnlyList<LogRecord>? records) =>
        records is null ? [] : [.. records.Select(r => r.JsonText)];

    private void Notify(SinkFailure failure)
    {
        if (options.OnFailure is null)
        {
            return;
        }

        try
        {
            options.OnFailure(failure);
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("{0}: the failure callback threw: {1}", sinkName, ex);
        }
    }
}
