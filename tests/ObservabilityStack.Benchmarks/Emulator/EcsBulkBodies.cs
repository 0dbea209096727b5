using System.Buffers;
using System.Text.Json;

namespace ObservabilityStack.Benchmarks.Emulator;

/// <summary>Builds bulk bodies of about 1 KB ECS log documents, spread evenly over a day of timestamps.</summary>
internal sealed class EcsBulkBodies(int total, DateTimeOffset start, TimeSpan span)
{
    private static readonly string[] Services = ["shop-api", "shop-web", "crm-api", "crm-web", "mes-api"];
    private static readonly string[] Levels = ["info", "info", "info", "warn", "error", "debug"];
    private static readonly string[] Paths = ["/orders", "/orders/{id}", "/customers", "/cart", "/health", "/work-orders"];
    private static readonly string Filler = new('x', 420);

    public DateTimeOffset TimestampOf(int i) => start + TimeSpan.FromTicks(span.Ticks / total * i);

    /// <summary>Writes the create actions and documents [from, from+count) as NDJSON.</summary>
    public void Write(string dataStream, int from, int count, ArrayBufferWriter<byte> buffer)
    {
        using var writer = new Utf8JsonWriter(buffer);
        for (var i = from; i < from + count; i++)
        {
            writer.Reset();
            writer.WriteStartObject();
            writer.WriteStartObject("create");
            writer.WriteString("_index", dataStream);
            writer.WriteString("_id", $"evt-{i:D9}");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            buffer.Write("\n"u8);
            writer.Reset();
            WriteDocument(writer, i);
            writer.Flush();
            buffer.Write("\n"u8);
        }
    }

    private void WriteDocument(Utf8JsonWriter w, int i)
    {
        var service = Services[i % Services.Length];
        w.WriteStartObject();
        w.WriteString("@timestamp", TimestampOf(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("message", $"Handled {Paths[i % Paths.Length]} for order o-{i % 50_000} in {i % 900} ms {Filler}");
        w.WriteString("log.level", Levels[i % Levels.Length]);
        w.WriteString("log.logger", "ObservabilityStack.Samples.OrdersController");
        w.WriteString("service.name", service);
        w.WriteString("service.version", "1.4.2");
        w.WriteString("service.environment", "production");
        w.WriteString("host.name", $"node-{i % 7}");
        w.WriteNumber("process.pid", 4000 + (i % 13));
        w.WriteString("event.id", $"evt-{i:D9}");
        w.WriteString("event.dataset", service.Replace('-', '_'));
        w.WriteString("event.action", i % 10 == 0 ? "order.created" : "http.request");
        w.WriteString("trace.id", $"{i:x16}{i * 7:x16}");
        w.WriteString("span.id", $"{i * 3:x16}");
        w.WriteString("labels.correlation_id", $"corr-{i % 100_000}");
        w.WriteString("user.id", $"u-{i % 5_000}");
        w.WriteString("order.id", $"o-{i % 50_000}");
        w.WriteString("http.request.method", i % 4 == 0 ? "POST" : "GET");
        w.WriteString("url.path", Paths[i % Paths.Length]);
        w.WriteNumber("http.response.status_code", i % 50 == 0 ? 500 : i % 20 == 0 ? 404 : 200);
        w.WriteNumber("event.duration", (i % 900) * 1_000_000L);
        w.WriteString("client.ip", $"10.{i % 200}.{i % 250}.{i % 240}");
        w.WriteString("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
        w.WriteEndObject();
    }
}
