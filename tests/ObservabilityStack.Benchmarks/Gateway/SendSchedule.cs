namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// The fixed send schedule of an open-loop (wrk2-style) load: batch <c>i</c> of <c>eventsPerBatch</c> events is
/// due at <c>i x eventsPerBatch / eventsPerSecond</c> seconds after the start, whatever happened to earlier
/// batches. Offsets are computed from the index in exact integer arithmetic (never by adding an interval
/// up), so a long run does not drift from the offered rate.
/// </summary>
/// <remarks>
/// Latency is measured from the scheduled time, not from when a connection got round to sending: a
/// generator (or a server) that falls behind shows as latency instead of silently sending less
/// ("coordinated omission", which a closed loop at saturation cannot avoid).
/// </remarks>
internal sealed class SendSchedule
{
    private readonly long _eventsPerSecond;
    private readonly int _eventsPerBatch;
    private readonly long _ticksPerSecond;

    /// <param name="eventsPerSecond">The offered rate, in events per second.</param>
    /// <param name="eventsPerBatch">Events in one request.</param>
    /// <param name="ticksPerSecond">The clock's resolution (<see cref="System.Diagnostics.Stopwatch.Frequency"/>).</param>
    public SendSchedule(long eventsPerSecond, int eventsPerBatch, long ticksPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ticksPerSecond, 1);
        _eventsPerSecond = eventsPerSecond;
        _eventsPerBatch = eventsPerBatch;
        _ticksPerSecond = ticksPerSecond;
    }

    /// <summary>Requests per second the schedule sends.</summary>
    public double BatchesPerSecond => (double)_eventsPerSecond / _eventsPerBatch;

    /// <summary>Ticks after the start at which batch <paramref name="index"/> (from 0) is due.</summary>
    public long OffsetOf(long index) => (long)((Int128)index * _eventsPerBatch * _ticksPerSecond / _eventsPerSecond);

    /// <summary>How many batches are due in the first <paramref name="durationTicks"/> (offset strictly before the end).</summary>
    public long BatchesWithin(long durationTicks)
    {
        if (durationTicks <= 0)
        {
            return 0;
        }

        // The smallest i with OffsetOf(i) >= duration; OffsetOf floors, so test around the exact quotient.
        var count = (long)(((Int128)durationTicks * _eventsPerSecond) / ((Int128)_eventsPerBatch * _ticksPerSecond));
        while (OffsetOf(count) < durationTicks)
        {
            count++;
        }

        while (count > 0 && OffsetOf(count - 1) >= durationTicks)
        {
            count--;
        }

        return count;
    }

    /// <summary>
    /// A request's latency in ticks: from its scheduled time to its answer. A send that left early (timer
    /// rounding) counts from when it actually left, so the figure is never below the real service time.
    /// </summary>
    public static long LatencyTicks(long scheduled, long sent, long answered) => answered - Math.Min(scheduled, sent);
}
