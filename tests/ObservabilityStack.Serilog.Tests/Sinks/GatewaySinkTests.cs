using Microsoft.Extensions.Configuration;
using ObservabilityStack.Serilog.Sinks;
using ObservabilityStack.Serilog.Tests.Support;
using ObservabilityStack.Tests.Shared;
using Serilog;

namespace ObservabilityStack.Serilog.Tests.Sinks;

public class GatewaySinkTests
{
    [Fact]
    public async Task EventsReachElasticsearchThroughTheGatewayAndItsRejectionsReachTheDeadLetter()
    {
        await using var gateway = await RealGateway.StartAsync("shop-api", "test", o => o.Limits.MaxEventBytes = 4096);
        using var temp = new TempDirectory();
        var options = new GatewaySinkOptions
        {
            Url = gateway.Url,
            ApiKey = gateway.Key,
            Period = TimeSpan.FromMilliseconds(20),
            DeadLetterPath = temp.File("dead.ndjson"),
        };
        using (var logger = new LoggerConfiguration()
                   .Enrich.WithServiceInfo("shop-api", "1.0.0", "test")
                   .WriteTo.ObservabilityGateway(options)
                   .CreateLogger())
        {
            logger.Information("Order {OrderId} created", "o-1");
            logger.Information("Order {OrderId} created with {Note}", "o-2", new string('x', 8000));
            logger.Warning("Stock low for {Sku}", "SKU-1");
        }

        options.Metrics.Sent.ShouldBe(2);
        options.Metrics.DeadLettered.ShouldBe(1);
        File.ReadAllText(temp.File("dead.ndjson")).ShouldContain("gateway: event of");
        var documents = await gateway.WaitForDocumentsAsync(2);
        documents.Count.ShouldBe(2);
        var created = documents.Single(d => d["order"]?["id"]?.GetValue<string>() == "o-1");
        created["service"]!["name"]!.GetValue<string>().ShouldBe("shop-api");
        created["event"]!["id"]!.GetValue<string>().Length.ShouldBe(32);
        created["_id"]!.GetValue<string>().ShouldBe(created["event"]!["id"]!.GetValue<string>(), "the sink's event id is the document id");
        documents.ShouldContain(d => d["log"]!["level"]!.GetValue<string>() == "warn" && d["message"]!.GetValue<string>() == "Stock low for \"SKU-1\"");
    }

    [Fact]
    public async Task A429WithRetryAfterIsHonouredAndNothingIsLostOrDuplicated()
    {
        // While Elasticsearch is down the gateway keeps events in its log; at the log's quota it answers 429 queue_full
        // with Retry-After: 5. Batches are kept well under the quota so each one fits once the log drains.
        await using var gateway = await RealGateway.StartAsync("shop-api", "test", o => o.Wal.MaxBytes = 40_000, elasticsearchDown: true);
        var options = new GatewaySinkOptions
        {
            Url = gateway.Url,
            ApiKey = gateway.Key,
            Period = TimeSpan.FromMilliseconds(20),
            BatchSizeLimit = 20,
            FlushTimeout = TimeSpan.FromSeconds(60),
        };
        var started = DateTimeOffset.UtcNow;
        using (var logger = new LoggerConfiguration().Enrich.WithServiceInfo("shop-api", "1.0.0", "test")
                   .WriteTo.ObservabilityGateway(options).CreateLogger())
        {
            for (var i = 0; i < 120; i++)
            {
                logger.Information("Event {N} {Padding}", i, new string('p', 200));
            }

            await Eventually.TrueAsync(() => options.Metrics.Retried > 0, "the gateway answers 429 once its log is at quota", 30);
            (await gateway.CounterAsync("obs_gateway_events_accepted_total")).ShouldBeLessThan(120);
            await gateway.StartElasticsearchAsync();
        }

        var documents = await gateway.WaitForDocumentsAsync(120, 60);
        documents.Count.ShouldBe(120);
        documents.Select(d => d["event"]!["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(120);
        options.Metrics.Sent.ShouldBe(120);
        options.Metrics.DeadLettered.ShouldBe(0);
        (DateTimeOffset.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4.9), "Retry-After: 5 was waited out");
    }

    [Fact]
    public async Task BodiesGoOutGzipped()
    {
        // The real gateway takes gzip and plain bodies alike and does not say which it got: a recorder shows the wire.
        await using var gateway = await FakeGateway.StartAsync();
        var options = new GatewaySinkOptions { Url = gateway.Url, ApiKey = FakeGateway.Key, Period = TimeSpan.FromMilliseconds(20) };
        using (var logger = new LoggerConfiguration().WriteTo.ObservabilityGateway(options).CreateLogger())
        {
            logger.Information("Event {N}", 1);
            logger.Information("Event {N}", 2);
        }

        gateway.Documents.Count.ShouldBe(2);
        gateway.ContentEncodings.ShouldNotBeEmpty();
        gateway.ContentEncodings.ShouldAllBe(e => e == "gzip");
    }

    [Fact]
    public async Task AWrongKeyIsAPermanentRejectionThatIsCountedAndReported()
    {
        await using var gateway = await RealGateway.StartAsync("shop-api", "test");
        var failures = new List<SinkFailure>();
        var options = new GatewaySinkOptions
        {
            Url = gateway.Url,
            ApiKey = "wrong",
            Period = TimeSpan.FromMilliseconds(20),
            OnFailure = failures.Add,
        };
        using (var logger = new LoggerConfiguration().WriteTo.ObservabilityGateway(options).CreateLogger())
        {
            logger.Information("Hello");
        }

        options.Metrics.DeadLettered.ShouldBe(1);
        failures.ShouldHaveSingleItem().Reason.ShouldContain("HTTP 401");
    }

    [Fact]
    public async Task TheSinkAndEnrichersBindFromAppSettings()
    {
        await using var gateway = await RealGateway.StartAsync("crm-api", "staging");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:Using:0"] = "ObservabilityStack.Serilog",
            ["Serilog:WriteTo:0:Name"] = "ObservabilityGateway",
            ["Serilog:WriteTo:0:Args:gatewayUrl"] = gateway.Url.ToString(),
            ["Serilog:WriteTo:0:Args:apiKey"] = gateway.Key,
            ["Serilog:Enrich:0:Name"] = "WithServiceInfo",
            ["Serilog:Enrich:0:Args:serviceName"] = "crm-api",
            ["Serilog:Enrich:0:Args:environment"] = "staging",
            ["Serilog:Enrich:1"] = "WithTraceContext",
        }).Build();

        using (var logger = new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger())
        {
            logger.Information("Configured from appsettings");
        }

        var document = (await gateway.WaitForDocumentsAsync(1)).ShouldHaveSingleItem();
        document["service"]!["name"]!.GetValue<string>().ShouldBe("crm-api");
        document["service"]!["environment"]!.GetValue<string>().ShouldBe("staging");
    }

    [Fact]
    public void AMissingApiKeyIsAClearConfigurationError() =>
        Should.Throw<ArgumentException>(() => new LoggerConfiguration().WriteTo.ObservabilityGateway("http://127.0.0.1:1", ""))
            .Message.ShouldContain("ApiKey");
}
