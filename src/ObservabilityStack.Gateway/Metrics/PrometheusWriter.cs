using System.Globalization;
using System.Text;
using ObservabilityStack.Gateway.Intake;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Metrics;

/// <summary>Renders the gateway's counters in Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusWriter
{
    public static string Render(GatewayMetrics m, WriteAheadLog wal, IntakeMemory intake, long queuedEvents)
    {
        var sb = new StringBuilder(2048);
        Counter(sb, "obs_gateway_events_accepted_total", "Events accepted and durably logged.", m.Accepted);
        CountersByReason(sb, "obs_gateway_events_rejected_total", "Events or requests rejected, by reason.", m.Rejections);

        Gauge(sb, "obs_gateway_intake_slots", "Intake requests that may read and parse bodies at once (MaxConcurrentBodies).", intake.Slots);
        Gauge(sb, "obs_gateway_intake_slots_in_use", "Intake requests reading or parsing a body now.", intake.InUse);
        Counter(sb, "obs_gateway_intake_buffers_allocated_total", "Intake buffers the pool had to allocate (it kept none of that size).", intake.BuffersAllocated);
        Gauge(sb, "obs_gateway_queue_bytes", "Undelivered bytes in the write-ahead log.", wal.QueuedBytes);
        Gauge(sb, "obs_gateway_queue_events", "Undelivered events in the write-ahead log (accepted minus delivered since start, plus replayed).", queuedEvents);
        Gauge(sb, "obs_gateway_queue_quota_bytes", "Disk quota of the write-ahead log.", wal.MaxBytes);
        Counter(sb, "obs_gateway_events_delivered_total", "Events confirmed by Elasticsearch (created or already there).", m.Delivered);
        Counter(sb, "obs_gateway_events_duplicate_total", "Events Elasticsearch already had (409 on create), counted as delivered.", m.Duplicates);
        Counter(sb, "obs_gateway_events_retried_total", "Event delivery attempts retried after 429, 5xx or connection errors.", m.Retried);
        Counter(sb, "obs_gateway_events_deadlettered_total", "Events Elasticsearch rejected permanently, written to the dead-letter stream.", m.DeadLettered);
        Counter(sb, "obs_gateway_events_deadletter_failed_total", "Dead letters Elasticsearch refused as well (logged).", m.DeadLetterFailed);
        Counter(sb, "obs_gateway_bulk_requests_total", "Bulk requests sent.", m.BulkRequests);
        Counter(sb, "obs_gateway_bulk_failures_total", "Bulk requests that failed as a whole.", m.BulkFailures);
        Counter(sb, "obs_gateway_streams_provisioned_total", "First-seen data streams whose service got its ILM policy and index template.", m.Provisioned);
        Counter(sb, "obs_gateway_provisioning_failures_total", "Provisioning attempts that failed and were retried.", m.ProvisioningFailures);
        m.DeliveryLatency.Render(sb, "obs_gateway_delivery_latency_seconds", "Time from acceptance to confirmed delivery.");
        m.IntakeDuration.Render(sb, "obs_gateway_intake_duration_seconds", "Time from the start of an intake request to its answer (body read, scan, append, fsync wait).");
        wal.FsyncDuration.Render(sb, "obs_gateway_wal_fsync_duration_seconds", "Duration of each write-ahead log fsync (one per group commit).");
        wal.CommitWait.Render(sb, "obs_gateway_wal_commit_wait_seconds", "Time an append waits until an fsync covers it (its own or a group commit's).");
        return sb.ToString();
    }

    /// <summary>Appends one counter.</summary>
    public static void Counter(StringBuilder sb, string name, string help, long value) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");

    /// <summary>Appends one counter with a label (<c>reason</c> unless named), a sample per value seen.</summary>
    public static void CountersByReason(StringBuilder sb, string name, string help, ReasonCounters counters, string label = "reason")
    {
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n");
        foreach (var (reason, count) in counters.ByReason())
        {
            sb.Append(CultureInfo.InvariantCulture, $"{name}{{{label}=\"{reason}\"}} {count}\n");
        }
    }

    /// <summary>Appends one gauge.</summary>
    public static void Gauge(StringBuilder sb, string name, string help, long value) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");
}
