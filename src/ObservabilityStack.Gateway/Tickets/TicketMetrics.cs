using System.Globalization;
using System.Text;
using ObservabilityStack.Gateway.Metrics;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Counters of the tickets feature, appended to <c>/metrics</c>.</summary>
internal sealed class TicketMetrics
{
    private readonly ReasonCounters _rejected = new();
    private readonly ReasonCounters _startup = new();
    private long _accepted;
    private long _bytes;
    private long _lines;
    private long _created;
    private long _deleted;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Lines => Interlocked.Read(ref _lines);

    public void AddAccepted(long bytes, long lines)
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Add(ref _lines, lines);
    }

    public void AddRejected(string reason) => _rejected.Add(reason);

    public long Rejected(string reason) => _rejected.Get(reason);

    /// <summary>Counts one finding of the start-up check (<c>recovered</c>, <c>quarantined</c>, <c>temp_removed</c>, <c>temp_kept</c>).</summary>
    public void AddStartupFinding(string outcome) => _startup.Add(outcome);

    public long StartupFindings(string outcome) => _startup.Get(outcome);

    public void AddCreated() => Interlocked.Increment(ref _created);

    public void AddDeleted() => Interlocked.Increment(ref _deleted);

    /// <summary>Prometheus text exposition of these counters and of the disks' free bytes.</summary>
    public string Render(IReadOnlyList<(string Name, string Path, long? FreeBytes)> disks, long minFreeBytes)
    {
        var sb = new StringBuilder(1536);
        PrometheusWriter.Counter(sb, "obs_gateway_ticket_uploads_accepted_total", "Support-bundle uploads accepted (stored and queued for indexing).", Accepted);
        PrometheusWriter.CountersByReason(sb, "obs_gateway_ticket_uploads_rejected_total", "Support-bundle uploads refused, by reason.", _rejected);
        PrometheusWriter.Counter(sb, "obs_gateway_ticket_upload_bytes_total", "Bytes of accepted support-bundle uploads.", Interlocked.Read(ref _bytes));
        PrometheusWriter.Counter(sb, "obs_gateway_ticket_lines_indexed_total", "Lines of accepted uploads written to the log for indexing.", Lines);
        PrometheusWriter.Counter(sb, "obs_gateway_tickets_created_total", "Tickets created.", Interlocked.Read(ref _created));
        PrometheusWriter.Counter(sb, "obs_gateway_tickets_deleted_total", "Tickets deleted with their files and documents.", Interlocked.Read(ref _deleted));
        PrometheusWriter.CountersByReason(sb, "obs_gateway_ticket_startup_findings_total",
            "What the start-up check found a crash left: uploads recovered or quarantined, temporary files removed or kept.", _startup, "outcome");
        sb.Append("# HELP obs_gateway_disk_free_bytes Free bytes on the disk of each data directory.\n# TYPE obs_gateway_disk_free_bytes gauge\n");
        foreach (var (name, _, free) in disks)
        {
            if (free is { } bytes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"obs_gateway_disk_free_bytes{{directory=\"{name}\"}} {bytes}\n");
            }
        }

        PrometheusWriter.Gauge(sb, "obs_gateway_disk_min_free_bytes", "Free bytes kept: below it uploads are refused (507).", minFreeBytes);
        return sb.ToString();
    }
}
