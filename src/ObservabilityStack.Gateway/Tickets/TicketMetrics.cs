using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Counters of the tickets feature, appended to <c>/metrics</c>.</summary>
internal sealed class TicketMetrics
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _rejected = new(StringComparer.Ordinal);
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

    public void AddRejected(string reason) => Interlocked.Increment(ref _rejected.GetOrAdd(reason, _ => new StrongBox<long>()).Value);

    public long Rejected(string reason) => _rejected.TryGetValue(reason, out var box) ? Interlocked.Read(ref box.Value) : 0;

    public void AddCreated() => Interlocked.Increment(ref _created);

    public void AddDeleted() => Interlocked.Increment(ref _deleted);

    /// <summary>Prometheus text exposition of these counters.</summary>
    public string Render()
    {
        var sb = new StringBuilder(1024);
        Counter(sb, "obs_gateway_ticket_uploads_accepted_total", "Support-bundle uploads accepted (stored and queued for indexing).", Accepted);
        sb.Append("# HELP obs_gateway_ticket_uploads_rejected_total Support-bundle uploads refused, by reason.\n# TYPE obs_gateway_ticket_uploads_rejected_total counter\n");
        foreach (var (reason, box) in _rejected.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"obs_gateway_ticket_uploads_rejected_total{{reason=\"{reason}\"}} {Interlocked.Read(ref box.Value)}\n");
        }

        Counter(sb, "obs_gateway_ticket_upload_bytes_total", "Bytes of accepted support-bundle uploads.", Interlocked.Read(ref _bytes));
        Counter(sb, "obs_gateway_ticket_lines_indexed_total", "Lines of accepted uploads written to the log for indexing.", Lines);
        Counter(sb, "obs_gateway_tickets_created_total", "Tickets created.", Interlocked.Read(ref _created));
        Counter(sb, "obs_gateway_tickets_deleted_total", "Tickets deleted with their files and documents.", Interlocked.Read(ref _deleted));
        return sb.ToString();
    }

    private static void Counter(StringBuilder sb, string name, string help, long value) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");
}
