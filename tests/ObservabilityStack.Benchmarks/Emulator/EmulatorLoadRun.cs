using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using ObservabilityStack.Benchmarks.LoadRuns;
using ObservabilityStack.Emulator;

namespace ObservabilityStack.Benchmarks.Emulator;

/// <summary>
/// <c>load emulator [docs] [batch]</c>: bulk-ingests ~1 KB ECS documents into a data stream of an in-process
/// emulator over HTTP, then times a 15-minute-window terms + date_histogram aggregation and reads the RSS.
/// The baseline is the same bodies built but not sent, so the ratio shows what the server costs.
/// </summary>
internal sealed class EmulatorLoadRun : ILoadRun
{
    private const string DataStream = "logs-bench-default";

    public string Name => "emulator";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var bodies = new EcsBulkBodies(total, start, TimeSpan.FromDays(1));

        var baselineCpu = CpuTime();
        var baseline = MeasureBuildOnly(bodies, Math.Min(total, 100_000), batch);
        var buildMicros = (CpuTime() - baselineCpu).TotalMicroseconds / Math.Min(total, 100_000);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 }, cancellationToken);
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(5) };

        var ingestCpu = CpuTime();
        var watch = Stopwatch.StartNew();
        var next = -batch;
        long failed = 0;
        var senders = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var buffer = new ArrayBufferWriter<byte>(batch * 1400);
            int from;
            while ((from = Interlocked.Add(ref next, batch)) < total)
            {
                buffer.ResetWrittenCount();
                bodies.Write(DataStream, from, Math.Min(batch, total - from), buffer);
                using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/_bulk") { Content = content };
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

                // The answer starts with "errors"; only a failed batch is read as text (a megabyte string per
                // request would be the load generator's garbage, counted in the RSS below).
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                var head = await ReadHeadAsync(stream, cancellationToken);
                if (!response.IsSuccessStatusCode || !head.StartsWith("{\"errors\":false", StringComparison.Ordinal))
                {
                    using var rest = new StreamReader(stream);
                    var text = head + await rest.ReadToEndAsync(cancellationToken);
                    if (Interlocked.Increment(ref failed) == 1)
                    {
                        var at = text.IndexOf("\"error\"", StringComparison.Ordinal);
                        Console.WriteLine($"first failure ({(int)response.StatusCode}): {text.Substring(Math.Max(0, at), Math.Min(400, text.Length - Math.Max(0, at)))}");
                    }
                }
                else
                {
                    await DrainAsync(stream, cancellationToken);
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(senders);
        var ingestSeconds = watch.Elapsed.TotalSeconds;
        var ingestMicros = (CpuTime() - ingestCpu).TotalMicroseconds / total;
        (await http.PostAsync("/_refresh", null, cancellationToken)).Dispose();

        var rate = total / ingestSeconds;
        Console.WriteLine($"ingest: {total:N0} docs in {ingestSeconds:F1} s = {rate:N0} docs/s (target >= 50,000); failed batches: {failed}");
        Console.WriteLine($"baseline (bodies built, not sent): {baseline:N0} docs/s; emulator ingest is {rate / baseline:P0} of it");
        // CPU time per document depends far less on what else the machine runs than wall-clock rates do.
        Console.WriteLine($"CPU per document (whole process): {ingestMicros:F1} us while ingesting, {buildMicros:F1} us of it building the body; "
            + $"server and HTTP about {ingestMicros - buildMicros:F1} us; {Environment.ProcessorCount} cores give at most {Environment.ProcessorCount * 1_000_000 / ingestMicros:N0} docs/s");

        var windowFrom = bodies.TimestampOf(total / 2);
        Console.WriteLine(await WindowAggregationAsync(http, windowFrom, "request_cache=false", cancellationToken));
        Console.WriteLine(await WindowAggregationAsync(http, windowFrom, "request_cache=true", cancellationToken));

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var busy = process.WorkingSet64;
        // An aggressive collection returns freed segments to the OS: what 1M documents need at rest.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        process.Refresh();
        Console.WriteLine($"memory for {total:N0} docs (load generator included): RSS at rest {process.WorkingSet64 / (1024.0 * 1024):N0} MB, "
            + $"after ingest {busy / (1024.0 * 1024):N0} MB, peak {peak / (1024.0 * 1024):N0} MB, managed heap {GC.GetTotalMemory(false) / (1024.0 * 1024):N0} MB (target RSS < 2,048 MB)");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[32];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(head, 0, read);
    }

    private static async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        var sink = ArrayPool<byte>.Shared.Rent(64 * 1024);
        while (await stream.ReadAsync(sink, cancellationToken) > 0)
        {
        }

        ArrayPool<byte>.Shared.Return(sink);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double MeasureBuildOnly(EcsBulkBodies bodies, int count, int batch)
    {
        var buffer = new ArrayBufferWriter<byte>(batch * 1400);
        var watch = Stopwatch.StartNew();
        for (var from = 0; from < count; from += batch)
        {
            buffer.ResetWrittenCount();
            bodies.Write(DataStream, from, Math.Min(batch, count - from), buffer);
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<string> WindowAggregationAsync(HttpClient http, DateTimeOffset from, string cache, CancellationToken cancellationToken)
    {
        var gte = from.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var lt = from.AddMinutes(15).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = "{\"size\":0,\"query\":{\"range\":{\"@timestamp\":{\"gte\":\"" + gte + "\",\"lt\":\"" + lt + "\"}}},"
            + "\"aggs\":{\"services\":{\"terms\":{\"field\":\"service.name\"}},"
            + "\"per_minute\":{\"date_histogram\":{\"field\":\"@timestamp\",\"fixed_interval\":\"1m\"}}}}";
        var times = new List<double>();
        string last = "";
        for (var i = 0; i < 11; i++)
        {
            var watch = Stopwatch.StartNew();
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync($"/{DataStream}/_search?{cache}", content, cancellationToken);
            last = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return $"window aggregation: not measurable yet ({(int)response.StatusCode}: {last[..Math.Min(120, last.Length)]})";
            }

            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var hits = last.IndexOf("\"value\":", StringComparison.Ordinal) is var at and >= 0 ? last[(at + 8)..].Split(',')[0] : "?";
        return $"15-minute window terms + date_histogram ({cache}): median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms over {times.Count} runs ({hits} docs in window; target < 100 ms)";
    }
}
