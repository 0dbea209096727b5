using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Tests.Support;

internal static class TestSinks
{
    /// <summary>Options tuned for tests: short period and backoff so nothing waits long.</summary>
    public static ElasticsearchSinkOptions Options(Action<ElasticsearchSinkOptions>? configure = null)
    {
        var options = new ElasticsearchSinkOptions
        {
            ServiceName = "shop-api",
            Period = TimeSpan.FromMilliseconds(20),
            MinBackoff = TimeSpan.FromMilliseconds(10),
            MaxBackoff = TimeSpan.FromMilliseconds(50),
            FlushTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return options;
    }

    public static DeliverySink Create(ElasticsearchSinkOptions options, IBatchTransport transport) =>
        new("Test", options, transport, _ => "logs-shop_api-production");
}
