using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Serilog;
using ObservabilityStack.Serilog.Sinks.Core;
using Serilog;
using Serilog.Core;
using Serilog.Formatting.Json;

namespace ObservabilityStack.Benchmarks.Serilog;

/// <summary>
/// The cost at the call site of <c>logger.Information("Order {OrderId} created", id)</c> with all enrichers:
/// our sink (format, batch and send happen on its background loop) against Serilog.Sinks.File with a JSON
/// formatter (formats and writes on the caller's thread), measured in the same run.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class CallSiteBenchmarks
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"obs-bench-{Guid.NewGuid():N}.json");
    private Logger _ours = null!;
    private Logger _fileSink = null!;
    private Activity _activity = null!;
    private ElasticsearchSinkOptions _options = null!;
    private int _orderId;

    [GlobalSetup]
    public void Setup()
    {
        _activity = new Activity("bench").SetIdFormat(ActivityIdFormat.W3C).Start();
        _options = new ElasticsearchSinkOptions { ServiceName = "shop-api", QueueLimit = 1_000_000, BatchSizeLimit = 2000 };
        _ours = Enriched()
            .WriteTo.Sink(new DeliverySink("Bench", _options, new DiscardTransport(), _ => "logs-shop_api-production"))
            .CreateLogger();
        _fileSink = Enriched().WriteTo.File(new JsonFormatter(), _file).CreateLogger();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _fileSink.Dispose();
        _activity.Dispose();
        Console.WriteLine($"// our sink: {_options.Metrics}");
        File.Delete(_file);
    }

    [Benchmark(Baseline = true)]
    public void FileSinkWithJsonFormatter() => _fileSink.Information("Order {OrderId} created", ++_orderId);

    [Benchmark]
    public void ObservabilityStackSink() => _ours.Information("Order {OrderId} created", ++_orderId);

    private static LoggerConfiguration Enriched() =>
        new LoggerConfiguration().Enrich.WithObservabilityStack("shop-api", "1.0.0", "production");
}
