using System.Globalization;
using System.Text;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>An NDJSON body of realistic ECS events (~880 bytes each) as shippers send them to <c>/v1/logs</c>.</summary>
internal static class EcsNdjsonBody
{
    public static byte[] Build(int events, out double eventBytes)
    {
        var sb = new StringBuilder(events * 1000);
        var random = new Random(42);
        string[] paths = ["/api/orders", "/api/orders/{id}", "/api/cart", "/api/customers/{id}", "/api/checkout"];
        string[] levels = ["info", "info", "info", "debug", "warn", "error"];
        for (var i = 0; i < events; i++)
        {
            var order = random.Next(100_000, 999_999);
            sb.Append(CultureInfo.InvariantCulture,
                $"{{\"@timestamp\":\"2026-11-21T10:{i % 60:D2}:{i % 60:D2}.{i % 1000:D3}Z\",\"message\":\"HTTP POST {paths[i % paths.Length]} responded 201 in 23.4512 ms for order {order} placed by customer {random.Next(1000, 9999)}\",")
              .Append(CultureInfo.InvariantCulture, $"\"log\":{{\"level\":\"{levels[i % levels.Length]}\",\"logger\":\"Shop.Api.Controllers.OrdersController\"}},")
              .Append(CultureInfo.InvariantCulture, $"\"service\":{{\"version\":\"1.4.2\"}},\"host\":{{\"name\":\"shop-api-7d9f8c6b5-x2k4q\"}},\"process\":{{\"pid\":{random.Next(100, 60000)}}},")
              .Append(CultureInfo.InvariantCulture, $"\"trace\":{{\"id\":\"{random.NextInt64():x16}{random.NextInt64():x16}\"}},\"span\":{{\"id\":\"{random.NextInt64():x16}\"}},")
              .Append(CultureInfo.InvariantCulture, $"\"event\":{{\"action\":\"order.created\",\"dataset\":\"shop_api\",\"duration\":{random.Next(1_000_000, 90_000_000)}}},")
              .Append(CultureInfo.InvariantCulture, $"\"http\":{{\"request\":{{\"method\":\"POST\"}},\"response\":{{\"status_code\":201}}}},\"url\":{{\"path\":\"{paths[i % paths.Length]}\"}},")
              .Append(CultureInfo.InvariantCulture, $"\"client\":{{\"ip\":\"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}\"}},\"user\":{{\"id\":\"u-{random.Next(10000, 99999)}\"}},\"order\":{{\"id\":\"o-{order}\"}},")
              .Append(CultureInfo.InvariantCulture, $"\"user_agent\":{{\"original\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36\"}},")
              .Append(CultureInfo.InvariantCulture, $"\"labels\":{{\"correlation_id\":\"{Guid.NewGuid():N}\",\"tenant\":\"eu-west\",\"channel\":\"web\"}}}}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        eventBytes = bytes.Length / (double)events;
        return bytes;
    }
}
