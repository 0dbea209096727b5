using ObservabilityStack.Serilog.Tests.Support;
using Serilog;

namespace ObservabilityStack.Serilog.Tests.Integration;

/// <summary>The direct sink's <c>Compress</c> option: gzip bodies through the typed client's bulk call.</summary>
public class CompressionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BulkBodiesAreGzippedExactlyWhenCompressIsOn(bool compress)
    {
        await using var server = await BulkRecorder.StartAsync();
        var options = new ElasticsearchSinkOptions { Url = server.Url, ServiceName = "shop-api", Compress = compress, Period = TimeSpan.FromMilliseconds(50) };
        using (var logger = new LoggerConfiguration().WriteTo.Elasticsearch(options).CreateLogger())
        {
            for (var i = 0; i < 25; i++)
            {
                logger.Information("Order {OrderId} created", $"o-{i}");
            }
        }

        options.Metrics.Sent.ShouldBe(25);
        server.Requests.ShouldAllBe(r => r.Encoding == (compress ? "gzip" : null));
        var lines = server.Requests.SelectMany(r => r.Lines).ToList();
        lines.Count.ShouldBe(50);
        lines.Where((_, i) => i % 2 == 0).ShouldAllBe(l => l.StartsWith("{\"create\":{\"_index\":\"logs-shop_api-production\",\"_id\":\"", StringComparison.Ordinal));
        lines.Where((_, i) => i % 2 == 1).ShouldAllBe(l => l.Contains("\"order\":{\"id\":\"o-", StringComparison.Ordinal));
    }
}
