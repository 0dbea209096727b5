using System.Globalization;
using System.Runtime;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Metrics;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// What the gateway's process did during the durable slices of a load run (between each
/// <see cref="Begin"/> and <see cref="End"/>): GC pauses and collections, allocation rate, thread-pool
/// queueing (sampled every 5 ms) and the gateway's own histograms (handler time, fsync, commit wait),
/// to say where an intake request's latency goes. Each report covers the slices since the previous one.
/// </summary>
internal sealed class GatewayDiagnostics : IDisposable
{
    private readonly GatewayRuntime _runtime;
    private readonly Timer _sampler;
    private readonly Histogram[] _histograms;
    private readonly long[][] _start;
    private readonly long[][] _total;
    private readonly long[] _gcStart = new long[5];
    private readonly long[] _gcTotal = new long[5];
    private readonly long[] _flowStart = new long[4];
    private readonly long[] _flowTotal = new long[4];
    private double _seconds;
    private long _begun;
    private int _maxPending;
    private int _maxThreads;
    private int _maxSlots;

    public GatewayDiagnostics(GatewayRuntime runtime)
    {
        _runtime = runtime;
        _histograms = [runtime.Metrics.IntakeDuration, runtime.Wal.CommitWait, runtime.Wal.FsyncDuration];
        _start = [.. _histograms.Select(h => h.Snapshot())];
        _total = [.. _histograms.Select(h => new long[h.Bounds.Count + 1])];
        _sampler = new Timer(_ => Sample(), null, 5, 5);
    }

    /// <summary>The GC configuration the process runs with.</summary>
    public static string GcMode() => string.Create(CultureInfo.InvariantCulture,
        $"gc {(GCSettings.IsServerGC ? "server" : "workstation")} {GCSettings.LatencyMode}, {Environment.ProcessorCount} cpus");

    public void Begin()
    {
        for (var i = 0; i < _histograms.Length; i++)
        {
            _start[i] = _histograms[i].Snapshot();
        }

        GcNow().CopyTo(_gcStart, 0);
        FlowNow().CopyTo(_flowStart, 0);
        _begun = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    public void End()
    {
        _seconds += System.Diagnostics.Stopwatch.GetElapsedTime(_begun).TotalSeconds;
        for (var i = 0; i < _histograms.Length; i++)
        {
            var now = _histograms[i].Snapshot();
            for (var b = 0; b < now.Length; b++)
            {
                _total[i][b] += now[b] - _start[i][b];
            }
        }

        var gc = GcNow();
        for (var i = 0; i < gc.Length; i++)
        {
            _gcTotal[i] += gc[i] - _gcStart[i];
        }

        var flow = FlowNow();
        for (var i = 0; i < flow.Length; i++)
        {
            _flowTotal[i] += flow[i] - _flowStart[i];
        }
    }

    /// <summary>Four lines: GC, thread pool, events accepted and delivered, and the gateway's latency histograms (bucket upper bounds, ms); then starts over.</summary>
    public string Report()
    {
        var s = Math.Max(_seconds, 1e-9);
        var pauseMs = _gcTotal[0] / 10_000.0;
        var report = string.Create(CultureInfo.InvariantCulture,
            $"""
              gc: pauses {pauseMs:F0} ms ({pauseMs / s / 10:F1}% of time), gen0/1/2 {_gcTotal[1]}/{_gcTotal[2]}/{_gcTotal[3]}, allocated {_gcTotal[4] / s / (1024 * 1024):F0} MiB/s; {GcMode()}
              thread pool: max pending work items {_maxPending}, max threads {_maxThreads}; intake slots in use max {_maxSlots} of {_runtime.Intake.Slots}, {_flowTotal[2]} buffers allocated (pool empty)
              accepted {_flowTotal[0] / s:F0} events/s, delivered {_flowTotal[1] / s:F0} events/s, {_runtime.QueuedEvents} events queued now; process CPU {_flowTotal[3] / 1e7 / s:F2} cores, {_flowTotal[3] / 10.0 / Math.Max(1, _flowTotal[0]):F2} us per event
              handler p50 {Ms(0, 0.5)} p99 {Ms(0, 0.99)} ms; commit wait p50 {Ms(1, 0.5)} p99 {Ms(1, 0.99)} ms; fsync p50 {Ms(2, 0.5)} p99 {Ms(2, 0.99)} ms, {_total[2].Sum() / s:F0}/s for {_total[1].Sum() / s:F0} appends/s
            """);
        _seconds = 0;
        Array.Clear(_gcTotal);
        Array.Clear(_flowTotal);
        foreach (var total in _total)
        {
            Array.Clear(total);
        }

        _maxPending = _maxThreads = _maxSlots = 0;
        return report;
    }

    public void Dispose() => _sampler.Dispose();

    // Events accepted and delivered, buffers the intake pool allocated, and the process's CPU time (ticks).
    private long[] FlowNow() =>
        [_runtime.Metrics.Accepted, _runtime.Metrics.Delivered, _runtime.Intake.BuffersAllocated, Environment.CpuUsage.TotalTime.Ticks];

    private static long[] GcNow() =>
        [GC.GetTotalPauseDuration().Ticks, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes()];

    // The upper bound (ms) of the bucket holding quantile q of what the durable slices observed.
    private string Ms(int histogram, double q) =>
        (_histograms[histogram].Quantile(_total[histogram], q) * 1000).ToString("G3", CultureInfo.InvariantCulture);

    private void Sample()
    {
        var pending = (int)Math.Min(int.MaxValue, ThreadPool.PendingWorkItemCount);
        if (pending > Volatile.Read(ref _maxPending))
        {
            Volatile.Write(ref _maxPending, pending);
        }

        if (_runtime.Intake.InUse > Volatile.Read(ref _maxSlots))
        {
            Volatile.Write(ref _maxSlots, _runtime.Intake.InUse);
        }

        if (ThreadPool.ThreadCount > Volatile.Read(ref _maxThreads))
        {
            Volatile.Write(ref _maxThreads, ThreadPool.ThreadCount);
        }
    }
}
