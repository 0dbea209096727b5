namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// What an open-loop run measured: every scheduled request's latency from its scheduled time (see
/// <see cref="SendSchedule"/>), its service time (from the moment it left), how late it left, and the
/// events accepted; the achieved rate is accepted events over the schedule's length or, if answers came
/// in later, until the last answer.
/// </summary>
internal sealed class OpenLoopTally
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencyMs = [];
    private readonly List<double> _serviceMs = [];
    private readonly List<double> _sendLagMs = [];
    private readonly long _start;
    private readonly long _durationTicks;
    private readonly double _ticksPerMs;
    private long _lastAnswered;

    public OpenLoopTally(long startTicks, long durationTicks, long ticksPerSecond)
    {
        _start = startTicks;
        _durationTicks = durationTicks;
        _ticksPerMs = ticksPerSecond / 1000.0;
        _lastAnswered = startTicks;
    }

    public long AcceptedEvents { get; private set; }

    public long Errors { get; private set; }

    public int Requests => _latencyMs.Count;

    /// <summary>Requests that left more than a millisecond after their time (no free connection, or a late timer).</summary>
    public int LateSends { get; private set; }

    /// <summary>Events accepted per second of the run (the schedule's length, or longer if the answers were late).</summary>
    public double AchievedEventsPerSecond =>
        AcceptedEvents / (Math.Max(_durationTicks, _lastAnswered - _start) / (_ticksPerMs * 1000));

    public void Record(long scheduled, long sent, long answered, int acceptedEvents, bool error)
    {
        lock (_lock)
        {
            _latencyMs.Add(SendSchedule.LatencyTicks(scheduled, sent, answered) / _ticksPerMs);
            _serviceMs.Add((answered - sent) / _ticksPerMs);
            var lag = Math.Max(0, sent - scheduled) / _ticksPerMs;
            _sendLagMs.Add(lag);
            LateSends += lag > 1 ? 1 : 0;
            AcceptedEvents += acceptedEvents;
            Errors += error ? 1 : 0;
            _lastAnswered = Math.Max(_lastAnswered, answered);
        }
    }

    /// <summary>Quantile <paramref name="q"/> of the latency from the scheduled time, in ms.</summary>
    public double Latency(double q) => NearestRank(_latencyMs, q);

    /// <summary>Quantile <paramref name="q"/> of the time from the actual send to the answer, in ms.</summary>
    public double Service(double q) => NearestRank(_serviceMs, q);

    /// <summary>Quantile <paramref name="q"/> of how late requests left, in ms.</summary>
    public double SendLag(double q) => NearestRank(_sendLagMs, q);

    /// <summary>The smallest value with at least a fraction <paramref name="q"/> of the values at or below it.</summary>
    public static double NearestRank(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var rank = (int)Math.Ceiling(q * values.Count);
        return values[Math.Clamp(rank, 1, values.Count) - 1];
    }
}
