using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ObservabilityStack.Benchmarks.LoadRuns;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// <c>load gateway [seconds] [connections] [nofsync] [spawn | --target URL --key KEY]</c>: NDJSON batches of
/// 500 realistic ECS events (~930 bytes) over keep-alive HTTP/1.1 to <c>/v1/logs</c> (durable: fsynced
/// before the 202), alternating with the same load to <c>/v1/baseline</c> on the same Kestrel, which only
/// tokenizes each line; prints both, the ratio, and the gateway process's diagnostics (GC, thread pool,
/// fsync and commit-wait histograms). By default the gateway runs in this process; <c>spawn</c> runs it in
/// a child process so that the generator's CPU and GC are not counted as the gateway's.
/// </summary>
public sealed class GatewayLoadRun : ILoadRun
{
    private const int EventsPerBatch = 500;

    /// <inheritdoc/>
    public string Name => "gateway";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var numbers = args.Where(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var seconds = numbers.Length > 0 ? numbers[0] : 10;
        var connections = numbers.Length > 1 ? numbers[1] : 8;
        // "nofsync" isolates the CPU cost of intake from the disk's fsync latency (diagnosis only, not the figure).
        var fsync = !args.Contains("nofsync", StringComparer.Ordinal);
        var body = EcsNdjsonBody.Build(EventsPerBatch, out var eventBytes);
        if (args.Contains("cpu", StringComparer.Ordinal))
        {
            IntakeCpuProbe.Run(body, EventsPerBatch);
            return 0;
        }

        var target = Option(args, "--target");
        await using var gateway = target is not null ? LoadTarget.External(new Uri(target), Option(args, "--key") ?? throw new ArgumentException("--target needs --key"))
            : args.Contains("spawn", StringComparer.Ordinal) ? await LoadTarget.SpawnAsync(fsync, cancellationToken)
            : await LoadTarget.InProcessAsync(fsync, cancellationToken);
        Console.WriteLine($"gateway load: {connections} connections, {EventsPerBatch} events/batch, {eventBytes:F0} bytes/event, {seconds}s each, fsync {(fsync ? "on" : "OFF")}, {gateway.Where}; generator {GatewayDiagnostics.GcMode()}; load average {LoadAverage()}");
        var durable = new Tally();
        var baseline = new Tally();
        await MeasureAsync(gateway.Url, "/v1/logs", gateway.Key, body, connections, 2, new Tally(), cancellationToken);
        await MeasureAsync(gateway.Url, "/v1/baseline", gateway.Key, body, connections, 1, new Tally(), cancellationToken);
        // Alternating 2-second slices: on a shared machine the load changes by the minute, and both endpoints should see the same.
        for (var slice = 0; slice < Math.Max(1, seconds / 2); slice++)
        {
            await gateway.BeginAsync();
            await MeasureAsync(gateway.Url, "/v1/logs", gateway.Key, body, connections, 2, durable, cancellationToken);
            await gateway.EndAsync();
            await MeasureAsync(gateway.Url, "/v1/baseline", gateway.Key, body, connections, 2, baseline, cancellationToken);
        }

        Print("durable /v1/logs", durable, eventBytes);
        Print("baseline tokenize", baseline, eventBytes);
        Console.WriteLine($"ratio durable/baseline: {durable.EventsPerSecond / baseline.EventsPerSecond:F2} (target >= 0.30; target >= 150000 events/s); load average after {LoadAverage()}");
        Console.WriteLine(await gateway.ReportAsync());
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The 1-, 5- and 15-minute load averages, printed beside every absolute figure.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Print(string name, Tally r, double eventBytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-18} {r.EventsPerSecond,10:F0} events/s  {r.EventsPerSecond * eventBytes / (1024 * 1024),7:F1} MiB/s  p50 {r.Percentile(0.50),6:F1} ms  p99 {r.Percentile(0.99),6:F1} ms  errors {r.Errors}"));

    private static async Task MeasureAsync(Uri url, string path, string key, byte[] body, int connections, int seconds, Tally tally, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = url, DefaultRequestVersion = HttpVersion.Version11 };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        var latencies = new List<double>[connections];
        long events = 0;
        long errors = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            latencies[c] = [];
            while (Stopwatch.GetTimestamp() < stopAt && !cancellationToken.IsCancellationRequested)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                var t0 = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(path, content, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                latencies[c].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Interlocked.Add(ref events, EventsPerBatch);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        tally.Add(events, Stopwatch.GetElapsedTime(started).TotalSeconds, latencies.SelectMany(l => l), errors);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed class Tally
    {
        private readonly List<double> _latencies = [];
        private long _events;
        private double _seconds;

        public long Errors { get; private set; }

        public double EventsPerSecond => _seconds == 0 ? 0 : _events / _seconds;

        public void Add(long events, double seconds, IEnumerable<double> latencies, long errors)
        {
            _events += events;
            _seconds += seconds;
            _latencies.AddRange(latencies);
            Errors += errors;
        }

        public double Percentile(double p)
        {
            _latencies.Sort();
            return GatewayLoadRun.Percentile([.. _latencies], p);
        }
    }
}
