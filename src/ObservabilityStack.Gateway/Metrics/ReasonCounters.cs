using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ObservabilityStack.Gateway.Metrics;

/// <summary>
/// One counter per reason (a Prometheus label value), made on first use; thread-safe. Refusals of intake and of
/// ticket uploads are counted by reason with it.
/// </summary>
internal sealed class ReasonCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counts = new(StringComparer.Ordinal);

    public void Add(string reason, long count = 1) =>
        Interlocked.Add(ref _counts.GetOrAdd(reason, _ => new StrongBox<long>()).Value, count);

    public long Get(string reason) => _counts.TryGetValue(reason, out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>Every reason seen so far with its count, in ordinal order of the reasons (a stable exposition).</summary>
    public IEnumerable<KeyValuePair<string, long>> ByReason() =>
        _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new KeyValuePair<string, long>(kv.Key, Interlocked.Read(ref kv.Value.Value)));
}
