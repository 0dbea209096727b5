using System.Buffers;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Serilog.Formatting;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace ObservabilityStack.Benchmarks.Serilog;

/// <summary>Formatting one enriched event: our ECS formatter (UTF-8 into a reused buffer) against Serilog's JsonFormatter.</summary>
[Config(typeof(ShortInProcessConfig))]
public class FormatterBenchmarks
{
    private readonly EcsJsonFormatter _ecs = new();
    private readonly JsonFormatter _json = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly StringWriter _text = new();
    private LogEvent _event = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var activity = new Activity("bench").SetIdFormat(ActivityIdFormat.W3C).Start();
        var capture = new CaptureSink();
        using var logger = new LoggerConfiguration()
            .Enrich.WithObservabilityStack("shop-api", "1.0.0", "production")
            .WriteTo.Sink(capture)
            .CreateLogger();
        logger.Information("Order {OrderId} created by {UserId} with {@Item}", "ord-1001", "u-42", new { Sku = "SKU-9", Quantity = 2, Price = 19.99m });
        _event = capture.Last!;
    }

    [Benchmark(Baseline = true)]
    public void SerilogJsonFormatter()
    {
        _text.GetStringBuilder().Clear();
        _json.Format(_event, _text);
    }

    [Benchmark]
    public void EcsJsonFormatter()
    {
        _buffer.ResetWrittenCount();
        _ecs.Format(_event, _buffer);
    }

    private sealed class CaptureSink : ILogEventSink
    {
        public LogEvent? Last { get; private set; }

        public void Emit(LogEvent logEvent) => Last = logEvent;
    }
}
