using Serilog.Events;
using Serilog.Parsing;

namespace ObservabilityStack.Serilog.Tests.Support;

/// <summary>Builds log events for tests (after Serilog's own test helper).</summary>
internal static class Some
{
    public static readonly DateTimeOffset Timestamp = new(2026, 11, 21, 10, 30, 0, 123, TimeSpan.Zero);

    private static readonly MessageTemplateParser Parser = new();

    public static LogEvent Event(string template = "Order {OrderId} created", LogEventLevel level = LogEventLevel.Information,
        Exception? exception = null, params (string Name, object? Value)[] properties) =>
        new(Timestamp, level, exception, Parser.Parse(template),
            properties.Select(p => new LogEventProperty(p.Name, p.Value as LogEventPropertyValue ?? new ScalarValue(p.Value))));

    public static LogEvent Information(int i = 0) => Event(properties: ("OrderId", $"order-{i}"));
}
