using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ObservabilityStack.Benchmarks.LoadRuns;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// <c>load gateway [seconds] [connections]</c>: NDJSON batches of 500 realistic ECS events (~930 bytes)
/// over keep-alive HTTP/1.1 to <c>/v1/logs</c> (durable: fsynced before the 202), then the same load to
/// <c>/v1/baseline</c> on the same Kestrel, which only tokenizes each line; prints both and the ratio.
/// </summary>
public sealed class GatewayLoadRun : ILoadRun
{
    private const int EventsPerBatch = 500;

    /// <inheritdoc/>
    public string Name => "gateway";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        // "nofsync" isolates the CPU cost of intake from the disk's fsync latency (diagnosis only, not the figure).
        var fsync = !args.Contains("nofsync", StringComparer.Ordinal);
        var directory = Path.Combine(Path.GetTempPath(), "obs-gw-load-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new GatewayOptions
            {
                Urls = "http://127.0.0.1:0",
                DataDirectory = directory,
                LogToConsole = false,
                EnableBaselineEndpoint = true,
                // Delivery is not part of this figure: nothing listens here, so the forwarder only backs off.
                Elasticsearch = { Url = "http://127.0.0.1:9" },
                Delivery = { InitialBackoffMilliseconds = 5000, MaxBackoffMilliseconds = 60_000 },
                RateLimits = { RequestsPerSecondPerKey = 0 },
                Wal = { MaxBytes = 64L * 1024 * 1024 * 1024, Fsync = fsync },
            };
            var (_, key) = ApiKeys.Create(options.ResolveKeysFile(), "shop-api", ["production"], false, [], DateTimeOffset.UtcNow);
            await using var host = await GatewayHost.StartAsync(options, cancellationToken);
            var body = EcsNdjsonBody.Build(EventsPerBatch, out var eventBytes);
            if (args.Contains("cpu", StringComparer.Ordinal))
            {
                IntakeCpuProbe.Run(body, EventsPerBatch);
                return 0;
            }

            Console.WriteLine($"gateway load: {connections} connections, {EventsPerBatch} events/batch, {eventBytes:F0} bytes/event, {seconds}s each, fsync {(fsync ? "on" : "OFF")}, load average {LoadAverage()}");
            var durable = new Tally();
            var baseline = new Tally();
            await MeasureAsync(host.Url, "/v1/logs", key, body, connections, 2, new Tally(), cancellationToken);
            await MeasureAsync(host.Url, "/v1/baseline", key, body, connections, 1, new Tally(), cancellationToken);
            // Alternating 2-second slices: on a shared machine the load changes by the minute, and both endpoints should see the same.
            for (var slice = 0; slice < Math.Max(1, seconds / 2); slice++)
            {
                await MeasureAsync(host.Url, "/v1/logs", key, body, connections, 2, durable, cancellationToken);
                await MeasureAsync(host.Url, "/v1/baseline", key, body, connections, 2, baseline, cancellationToken);
            }

            Print("durable /v1/logs", durable, eventBytes);
            Print("baseline tokenize", baseline, eventBytes);
            Console.WriteLine($"ratio durable/baseline: {durable.EventsPerSecond / baseline.EventsPerSecond:F2} (target >= 0.30; target >= 150000 events/s); load average after {LoadAverage()}");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
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
