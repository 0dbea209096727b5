using System.Buffers;
using System.Text.Json.Nodes;
using ObservabilityStack.Serilog.Formatting;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Tests.Support;

internal static class Json
{
    public static string Format(LogEvent logEvent, EcsFormatterOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new EcsJsonFormatter(options).Format(logEvent, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static JsonObject Document(LogEvent logEvent, EcsFormatterOptions? options = null) =>
        JsonNode.Parse(Format(logEvent, options))!.AsObject();
}
