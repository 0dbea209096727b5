using System.Diagnostics;
using ObservabilityStack.Serilog.Tests.Support;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Tests.Formatting;

/// <summary>The events behind the golden documents in <c>Formatting/Golden</c>.</summary>
internal static class GoldenEvents
{
    public static LogEvent OrderCreated() => Some.Event(
        "Order {OrderId} created by {UserId} in {Region} with {Quantity} items of {@Item}",
        LogEventLevel.Information,
        null,
        ("OrderId", "ord-1001"),
        ("UserId", "u-42"),
        ("Region", "eu-west"),
        ("Quantity", 3),
        ("Item", new StructureValue([new("Sku", new ScalarValue("SKU-9")), new("Price", new ScalarValue(19.99m))], "Item")),
        ("EventAction", "order.created"),
        ("EventUuid", Guid.Parse("019aa5b2-0d9b-7c3e-9f10-6a1b2c3d4e5f")),
        ("ServiceName", "shop-api"),
        ("ServiceVersion", "1.4.0"),
        ("ServiceEnvironment", "production"),
        ("EventDataset", "shop_api"),
        ("HostName", "web-01"),
        ("ProcessId", 4242),
        ("TraceId", ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c")),
        ("SpanId", ActivitySpanId.CreateFromString("b7ad6b7169203331")),
        ("CorrelationId", "c0ffee"),
        ("SourceContext", "Shop.Orders.OrderService"));

    public static LogEvent RequestFailed()
    {
        Exception exception;
        try
        {
            try
            {
                throw new TimeoutException("CRM did not answer");
            }
            catch (TimeoutException inner)
            {
                throw new InvalidOperationException("Order could not be forwarded", inner);
            }
        }
        catch (InvalidOperationException ex)
        {
            exception = ex;
        }

        return Some.Event(
            "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.000} ms",
            LogEventLevel.Error,
            exception,
            ("RequestMethod", "POST"),
            ("RequestPath", "/api/orders"),
            ("StatusCode", 500),
            ("Elapsed", 12.3456),
            ("DurationNs", 12_345_600L),
            ("ClientIp", "10.0.0.7"),
            ("UserAgent", "curl/8.5"),
            ("RouteTemplate", "/api/orders"),
            ("EventUuid", Guid.Parse("019aa5b2-0d9b-7c3e-9f10-000000000001")));
    }
}
