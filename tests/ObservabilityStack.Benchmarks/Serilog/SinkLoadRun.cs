using System.Diagnostics;
using System.Globalization;
using ObservabilityStack.Benchmarks.LoadRuns;
using ObservabilityStack.Emulator;
using ObservabilityStack.Serilog;
using Serilog;

namespace ObservabilityStack.Benchmarks.Serilog;

/// <summary>
/// Sustained delivery from one process to the emulator: N events through the Elasticsearch sink, timed until the
/// sink reports all of them sent. <c>-- load sink [events]</c> (default 200000).
/// </summary>
public sealed class SinkLoadRun : ILoadRun
{
    /// <inheritdoc/>
    public string Name => "sink";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 }, cancellationToken);
        var options = new ElasticsearchSinkOptions
        {
            Url = emulator.Url,
            ServiceName = "load-test",
            QueueLimit = events,
            BatchSizeLimit = 5000,
            Period = TimeSpan.FromMilliseconds(100),
            FlushTimeout = TimeSpan.FromMinutes(5),
        };
        using var logger = new LoggerConfiguration()
            .Enrich.WithObservabilityStack("load-test", "1.0.0", "bench")
            .WriteTo.Elasticsearch(options)
            .CreateLogger();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            logger.Information("Order {OrderId} created", i);
        }

        var emitted = watch.Elapsed;
        while (options.Metrics.Sent + options.Metrics.Dropped + options.Metrics.DeadLettered < events && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(20, cancellationToken);
        }

        var delivered = watch.Elapsed;
        Console.WriteLine($"events={events} emit={emitted.TotalSeconds:0.00}s delivered={delivered.TotalSeconds:0.00}s " +
            $"rate={options.Metrics.Sent / delivered.TotalSeconds:0} events/s {options.Metrics}");
        return options.Metrics.Sent == events ? 0 : 1;
    }
}
