using System.Collections.Concurrent;

namespace ObservabilityStack.Alerting.Jobs;

/// <summary>
/// Counters of everything that can go wrong, shown on /health and used for self-alerts: failed runs,
/// consecutive Elasticsearch failures, skipped (misfired) runs, mail failures, schedule lag. Thread-safe.
/// </summary>
public sealed class EngineHealth
{
    private readonly ConcurrentQueue<double> _lagMs = new();
    private long _runs;
    private long _failedRuns;
    private long _retries;
    private long _misfires;
    private long _conflicts;
    private long _notifications;
    private long _mailSent;
    private long _mailFailures;
    private int _consecutiveStoreFailures;
    private int _consecutiveMailFailures;

    /// <summary>Rule runs completed (successfully or not).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Rule runs that failed after their retries.</summary>
    public long FailedRuns => Interlocked.Read(ref _failedRuns);

    /// <summary>Retries made inside runs after an Elasticsearch failure.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Runs Quartz skipped because they could not start on time (misfires).</summary>
    public long Misfires => Interlocked.Read(ref _misfires);

    /// <summary>State writes lost to another instance.</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    /// <summary>Notifications published.</summary>
    public long Notifications => Interlocked.Read(ref _notifications);

    /// <summary>Emails accepted by the mail server.</summary>
    public long MailSent => Interlocked.Read(ref _mailSent);

    /// <summary>Failed email attempts (each retried later).</summary>
    public long MailFailures => Interlocked.Read(ref _mailFailures);

    /// <summary>Elasticsearch failures in a row, across rules; zero after any success.</summary>
    public int ConsecutiveStoreFailures => Volatile.Read(ref _consecutiveStoreFailures);

    /// <summary>Mail failures in a row; zero after any accepted email.</summary>
    public int ConsecutiveMailFailures => Volatile.Read(ref _consecutiveMailFailures);

    /// <summary>Last Elasticsearch error message.</summary>
    public string? LastStoreError { get; private set; }

    /// <summary>Last mail error message.</summary>
    public string? LastMailError { get; private set; }

    /// <summary>Records a completed run.</summary>
    public void RunSucceeded(int conflicts, int notifications)
    {
        Interlocked.Increment(ref _runs);
        Interlocked.Add(ref _conflicts, conflicts);
        Interlocked.Add(ref _notifications, notifications);
        Interlocked.Exchange(ref _consecutiveStoreFailures, 0);
    }

    /// <summary>Records a run that failed after its retries; returns the consecutive failure count.</summary>
    public int RunFailed(string error)
    {
        Interlocked.Increment(ref _runs);
        Interlocked.Increment(ref _failedRuns);
        LastStoreError = error;
        return Interlocked.Increment(ref _consecutiveStoreFailures);
    }

    /// <summary>Records a retry inside a run.</summary>
    public void Retried() => Interlocked.Increment(ref _retries);

    /// <summary>Records a misfired (skipped) run.</summary>
    public void Misfired() => Interlocked.Increment(ref _misfires);

    /// <summary>Records how late a run started compared with its schedule.</summary>
    public void RecordLag(TimeSpan lag)
    {
        _lagMs.Enqueue(lag.TotalMilliseconds);
        while (_lagMs.Count > 100_000 && _lagMs.TryDequeue(out _))
        {
        }
    }

    /// <summary>Records a delivery pass; returns the consecutive mail failure count.</summary>
    public int MailPass(int sent, int failed, string? error)
    {
        Interlocked.Add(ref _mailSent, sent);
        Interlocked.Add(ref _mailFailures, failed);
        if (failed > 0)
        {
            LastMailError = error;
            return Interlocked.Add(ref _consecutiveMailFailures, failed);
        }

        if (sent > 0)
        {
            Interlocked.Exchange(ref _consecutiveMailFailures, 0);
        }

        return ConsecutiveMailFailures;
    }

    /// <summary>Schedule lags recorded so far (the most recent 100,000 are kept).</summary>
    public int LagSamples => _lagMs.Count;

    /// <summary>
    /// The given percentile (0-100) of recorded schedule lags, in milliseconds; <paramref name="skip"/> leaves out
    /// the oldest samples (e.g. a warm-up cycle).
    /// </summary>
    public double LagPercentile(double percentile, int skip = 0)
    {
        var sorted = _lagMs.Skip(skip).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        Array.Sort(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
