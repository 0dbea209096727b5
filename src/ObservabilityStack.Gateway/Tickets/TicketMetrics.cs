using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Counters of the tickets feature, appended to <c>/metrics</c>.</summary>
internal sealed class TicketMetrics
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _rejected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _startup = new(StringComparer.Ordinal);
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

    public void AddRejected(string reason) => Increment(_rejected, reason);

    public long Rejected(string reason) => Read(_rejected, reason);

    /// <summary>Counts one finding of the start-up check (<c>recovered</c>, <c>quarantined</c>, <c>temp_removed</c>, <c>temp_kept</c>).</summary>
    public void AddStartupFinding(string outcome) => Increment(_startup, outcome);

    public long StartupFindings(string outcome) => Read(_startup, outcome);

    public void AddCreated() => Interlocked.Increment(ref _created);

    public void AddDeleted() => Interlocked.Increment(ref _deleted);

    /// <summary>Prometheus text exposition of these counters and of the disks' free bytes.</summary>
    public string Render(IReadOnlyList<(string Name, string Path, long? FreeBytes)> disks, long minFreeBytes)
    {
        var sb = new StringBuilder(1536);
        Counter(sb, "obs_gateway_ticket_uploads_accepted_total", "Support-bundle uploads accepted (stored and queued for indexing).", Accepted);
        Labeled(sb, "obs_gateway_ticket_uploads_rejected_total", "Support-bundle uploads refused, by reason.", "reason", _rejected);
        Counter(sb, "obs_gateway_ticket_upload_bytes_total", "Bytes of accepted support-bundle uploads.", Interlocked.Read(ref _bytes));
        Counter(sb, "obs_gateway_ticket_lines_indexed_total", "Lines of accepted uploads written to the log for indexing.", Lines);
        Counter(sb, "obs_gateway_tickets_created_total", "Tickets created.", Interlocked.Read(ref _created));
        Counter(sb, "obs_gateway_tickets_deleted_total", "Tickets deleted with their files and documents.", Interlocked.Read(ref _deleted));
        Labeled(sb, "obs_gateway_ticket_startup_findings_total",
            "What the start-up check found a crash left: uploads recovered or quarantined, temporary files removed or kept.", "outcome", _startup);
        sb.Append("# HELP obs_gateway_disk_free_bytes Free bytes on the disk of each data directory.\n# TYPE obs_gateway_disk_free_bytes gauge\n");
        foreach (var (name, _, free) in disks)
        {
            if (free is { } bytes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"obs_gateway_disk_free_bytes{{directory=\"{name}\"}} {bytes}\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture,
            $"# HELP obs_gateway_disk_min_free_bytes Free bytes kept: below it uploads are refused (507).\n# TYPE obs_gateway_disk_min_free_bytes gauge\nobs_gateway_disk_min_free_bytes {minFreeBytes}\n");
        return sb.ToString();
    }

    private static void Increment(ConcurrentDictionary<string, StrongBox<long>> counters, string label) =>
        Interlocked.Increment(ref counters.GetOrAdd(label, _ => new StrongBox<long>()).Value);

    private static long Read(ConcurrentDictionary<string, StrongBox<long>> counters, string label) =>
        counters.TryGetValue(label, out var box) ? Interlocked.Read(ref box.Value) : 0;

    private static void Labeled(StringBuilder sb, string name, string help, string label, ConcurrentDictionary<string, StrongBox<long>> counters)
    {
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n");
        foreach (var (value, box) in counters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{name}{{{label}=\"{value}\"}} {Interlocked.Read(ref box.Value)}\n");
        }
    }

    private static void Counter(StringBuilder sb, string name, string help, long value) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");
}
