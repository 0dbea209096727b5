using System.Text;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Agent.Configuration;
using ObservabilityStack.Agent.Parsing;
using ObservabilityStack.Agent.Reading;
using ObservabilityStack.Agent.Shipping;
using ObservabilityStack.Benchmarks.Serilog;

namespace ObservabilityStack.Benchmarks.Agent;

/// <summary>
/// The agent's per-line hot path: parse a line and write its event JSON. The baseline only encodes the line
/// as UTF-8 (what shipping the raw line would cost), so the ratio is the price of parsing and enriching.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[MemoryDiagnoser]
public class AgentLineBenchmarks
{
    private const string MailLine =
        "Nov 21 10:00:01 mx1 postfix/smtp[4242]: 4F2A1C0B3D: to=<ana@example.com>, relay=mx.example.com[10.0.0.2]:25, delay=0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)";

    private const string AppLine = "2026-11-21T10:00:00.123Z ERROR Order o-1 failed: payment provider timed out after 30 s";

    private readonly LogLine _mail = new("/var/log/mail.log", "0123456789abcdef", 123_456, 123_600, MailLine, false);
    private readonly LogLine _app = new("/var/log/app.log", "0123456789abcdef", 123_456, 123_600, AppLine, false);
    private readonly TimeProvider _clock = TimeProvider.System;

    [Benchmark(Baseline = true)]
    public int EncodeOnly() => Encoding.UTF8.GetByteCount(_mail.Text);

    [Benchmark]
    public int MailLineToEvent() =>
        EventWriter.Write(LineParser.Parse(_mail.Text, ParserKind.Auto, _clock), _mail, "mx1", "production", null).Length;

    [Benchmark]
    public int PlainLineToEvent() =>
        EventWriter.Write(LineParser.Parse(_app.Text, ParserKind.Auto, _clock), _app, "mx1", "production", null).Length;
}
