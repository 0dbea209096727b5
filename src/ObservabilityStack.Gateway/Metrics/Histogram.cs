using System.Globalization;
using System.Text;

namespace ObservabilityStack.Gateway.Metrics;

/// <summary>
/// A lock-free Prometheus histogram over fixed upper bounds in seconds. Observations are two interlocked
/// adds, cheap enough for the intake path; quantiles read from it are bucket upper bounds (an estimate).
/// </summary>
internal sealed class Histogram
{
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private long _sumMicroseconds;

    public Histogram(params double[] boundsSeconds)
    {
        _bounds = boundsSeconds;
        _counts = new long[boundsSeconds.Length + 1];
    }

    /// <summary>Upper bounds of the finite buckets, in seconds.</summary>
    public IReadOnlyList<double> Bounds => _bounds;

    public double SumSeconds => Interlocked.Read(ref _sumMicroseconds) / 1e6;

    public void Observe(double seconds)
    {
        var i = 0;
        while (i < _bounds.Length && seconds > _bounds[i])
        {
            i++;
        }

        Interlocked.Increment(ref _counts[i]);
        Interlocked.Add(ref _sumMicroseconds, (long)(seconds * 1e6));
    }

    /// <summary>Observations in bucket <paramref name="bucket"/> alone (the last one is +Inf).</summary>
    public long BucketCount(int bucket) => Interlocked.Read(ref _counts[bucket]);

    /// <summary>Counts per bucket now, to subtract from a later snapshot.</summary>
    public long[] Snapshot() => [.. _counts.Select((_, i) => BucketCount(i))];

    /// <summary>
    /// The upper bound (seconds) of the bucket holding quantile <paramref name="q"/> of per-bucket
    /// <paramref name="counts"/> (e.g. the difference of two <see cref="Snapshot"/>s): +Inf past the last
    /// bound, NaN when nothing was observed.
    /// </summary>
    public double Quantile(long[] counts, double q)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(q * counts.Sum()));
        var seen = 0L;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return i < _bounds.Length ? _bounds[i] : double.PositiveInfinity;
            }
        }

        return double.NaN;
    }

    /// <summary>Appends the histogram in Prometheus text format 0.0.4.</summary>
    public void Render(StringBuilder sb, string name, string help)
    {
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} histogram\n");
        long cumulative = 0;
        for (var i = 0; i <= _bounds.Length; i++)
        {
            cumulative += BucketCount(i);
            var le = i < _bounds.Length ? _bounds[i].ToString(CultureInfo.InvariantCulture) : "+Inf";
            sb.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{le=\"{le}\"}} {cumulative}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"{name}_sum {SumSeconds}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{name}_count {cumulative}\n");
    }
}
