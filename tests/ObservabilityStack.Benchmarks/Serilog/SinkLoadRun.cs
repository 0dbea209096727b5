using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using ObservabilityStack.Benchmarks.LoadRuns;
using ObservabilityStack.Emulator;
using ObservabilityStack.Serilog;
using ObservabilityStack.Serilog.Sinks;
using ObservabilityStack.Serilog.Sinks.Core;
using Serilog;
using Serilog.Events;

namespace ObservabilityStack.Benchmarks.Serilog;

/// <summary>
/// Sustained delivery from one process to an in-process emulator, <c>-- load sink [events] [batch]</c>
/// (default 200000 events, batches of 5000). Three phases, each against a fresh emulator:
/// (0) the sink's ceiling: formatting and batching without a server;
/// (1) baseline: the same documents as pre-built <c>_bulk</c> bodies POSTed back to back (the emulator's raw intake);
/// (2) the sink alone, fed the already-enriched events (<c>Emit</c> → format → batch → send);
/// (3) end to end, <c>logger.Information(...)</c> with all enrichers into the sink.
/// Prints events/s and each phase's ratio to the baseline.
/// </summary>
public sealed class SinkLoadRun : ILoadRun
{
    /// <inheritdoc/>
    public string Name => "sink";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        var events = SinkLoadEvents.Create(count);

        // Warm-up (JIT of the emulator's and the sink's paths), not reported.
        await BaselineAsync(events.Take(Math.Min(count, 20_000)).ToList(), batch, cancellationToken);
        var ceiling = await SinkAsync(count, batch, options =>
        {
            var sink = new DeliverySink("ceiling", options, new DiscardTransport(), _ => "logs-load_test-bench");
            return (sink.Emit, sink);
        }, events, cancellationToken);
        Console.WriteLine($"ceiling   Emit -> format -> batch, not sent: {ceiling.Rate:N0} events/s (the sink's own cost, no server)");

        Console.WriteLine(SinkLoadEvents.FormattingRates(events));

        var raw = await BaselineAsync(events, batch, cancellationToken);
        Console.WriteLine($"baseline  emulator raw _bulk intake, pre-built bodies: {raw:N0} events/s");
        var raw2 = await BaselineAsync(events, batch, cancellationToken, senders: 2);
        Console.WriteLine($"baseline2 the same with 2 requests in flight: {raw2:N0} events/s");

        var (sinkRate, sinkMetrics) = await SinkAsync(count, batch, options =>
        {
            var sink = DeliverySinks.Elasticsearch(options);
            return (sink.Emit, sink);
        }, events, cancellationToken);
        Console.WriteLine($"sink      Emit(enriched events) -> delivered:           {sinkRate:N0} events/s = {sinkRate / raw:0.00}x baseline; {sinkMetrics}");

        var (endToEnd, endMetrics) = await SinkAsync(count, batch, options =>
        {
            var logger = new LoggerConfiguration()
                .Enrich.WithObservabilityStack("load-test", "1.0.0", "bench")
                .WriteTo.Elasticsearch(options)
                .CreateLogger();
            var i = 0;
            return (_ => logger.Information("Order {OrderId} created by {UserId} with {Lines} lines", "ord-" + i++, "u-1", 1), logger);
        }, events, cancellationToken);
        Console.WriteLine($"end2end   logger.Information -> delivered:              {endToEnd:N0} events/s = {endToEnd / raw:0.00}x baseline; {endMetrics}");
        return sinkMetrics.Sent == count && endMetrics.Sent == count ? 0 : 1;
    }

    private static async Task<double> BaselineAsync(List<LogEvent> events, int batch, CancellationToken cancellationToken, int senders = 1)
    {
        var bodies = SinkLoadEvents.BulkBodies(events, batch, "logs-load_test-bench");
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 }, cancellationToken);
        using var http = new HttpClient { BaseAddress = emulator.Url, Timeout = TimeSpan.FromMinutes(5) };
        var watch = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            int at;
            while ((at = Interlocked.Increment(ref next)) < bodies.Count)
            {
                await PostAsync(http, bodies[at], cancellationToken);
            }
        }, cancellationToken)));
        return events.Count / watch.Elapsed.TotalSeconds;
    }

    private static async Task PostAsync(HttpClient http, byte[] body, CancellationToken cancellationToken)
    {
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await http.PostAsync("/_bulk", content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode || text.Contains("\"errors\":true", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"baseline bulk failed: {text[..Math.Min(300, text.Length)]}");
            }
        }
    }

    private static async Task<(double Rate, SinkMetrics Metrics)> SinkAsync(int count, int batch,
        Func<ElasticsearchSinkOptions, (Action<LogEvent> Emit, IDisposable Owner)> start, List<LogEvent> events, CancellationToken cancellationToken)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 }, cancellationToken);
        var options = new ElasticsearchSinkOptions
        {
            Url = emulator.Url,
            ServiceName = "load-test",
            QueueLimit = count,
            BatchSizeLimit = batch,
            Period = TimeSpan.FromMilliseconds(100),
            FlushTimeout = TimeSpan.FromMinutes(5),
        };
        var (emit, owner) = start(options);
        var watch = Stopwatch.StartNew();
        foreach (var logEvent in events)
        {
            emit(logEvent);
        }

        while (options.Metrics.Sent + options.Metrics.Dropped + options.Metrics.DeadLettered < count && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(10, cancellationToken);
        }

        var rate = options.Metrics.Sent / watch.Elapsed.TotalSeconds;
        owner.Dispose();
        return (rate, options.Metrics);
    }
}
