using ObservabilityStack.Tests.Shared;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator;
using ObservabilityStack.Serilog.Sinks;
using ObservabilityStack.Serilog.Tests.Support;
using Serilog;
using Serilog.Core;

namespace ObservabilityStack.Serilog.Tests.Integration;

/// <summary>The direct Elasticsearch sink against a real emulator on port 0.</summary>
public class ElasticsearchSinkTests
{
    private const string Stream = "logs-shop_api-test";

    [Fact]
    public async Task EventsLandInTheServiceDataStreamWithTheEventIdAsDocumentId()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        using var probe = new EmulatorProbe(emulator.Url);
        var options = Options(emulator);

        using (var logger = Logger(options))
        {
            for (var i = 0; i < 20; i++)
            {
                logger.Information("Order {OrderId} created", $"o-{i}");
            }
        }

        var documents = await probe.DocumentsAsync(Stream);
        documents.Count.ShouldBe(20);
        documents.ShouldAllBe(d => d["_id"]!.GetValue<string>() == d["event"]!["id"]!.GetValue<string>());
        documents.ShouldAllBe(d => d["service"]!["name"]!.GetValue<string>() == "shop-api");
        (await probe.DataStreamExistsAsync(Stream)).ShouldBeTrue();
        options.Metrics.Sent.ShouldBe(20);
    }

    [Fact]
    public async Task AnOutageByInjected503sLosesNothingAndDuplicatesNothing()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        using var probe = new EmulatorProbe(emulator.Url);
        await probe.InjectAsync("""{"status":503,"count":4,"path":"/_bulk","retry_after":0}""");
        var options = Options(emulator);

        using (var logger = Logger(options))
        {
            for (var i = 0; i < 300; i++)
            {
                logger.Information("Event {N}", i);
            }
        }

        var documents = await probe.DocumentsAsync(Stream);
        documents.Count.ShouldBe(300);
        Ids(documents).Distinct().Count().ShouldBe(300);
        options.Metrics.Retried.ShouldBeGreaterThan(0);
        options.Metrics.Dropped.ShouldBe(0);
    }

    [Fact]
    public async Task StoppingAndRestartingTheEmulatorWithTheSameDataLosesNothingAndDuplicatesNothing()
    {
        using var data = new TempDirectory();
        using var buffer = new TempDirectory();
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, DataDirectory = data.Path });
        var options = Options(emulator, o => o.BufferDirectory = buffer.Path);
        using var logger = Logger(options);
        for (var i = 0; i < 100; i++)
        {
            logger.Information("Before the outage {N}", i);
        }

        await Eventually.TrueAsync(() => options.Metrics.Sent == 100, "the first 100 events are delivered");
        await emulator.DisposeAsync();
        for (var i = 0; i < 100; i++)
        {
            logger.Information("During the outage {N}", i);
        }

        await Eventually.TrueAsync(() => options.Metrics.Retried > 0, "the sink retries during the outage");
        await using var restarted = await EmulatorHost.StartAsync(new EmulatorOptions { Port = emulator.Url.Port, DataDirectory = data.Path });
        await Eventually.TrueAsync(() => options.Metrics.Sent == 200, "all 200 events are delivered after the restart", seconds: 30);

        using var probe = new EmulatorProbe(restarted.Url);
        var documents = await probe.DocumentsAsync(Stream);
        documents.Count.ShouldBe(200);
        Ids(documents).Distinct().Count().ShouldBe(200);
        options.Metrics.Dropped.ShouldBe(0);
    }

    [Fact]
    public async Task AFullQueueDropsCountsAndReportsAndDeliversTheRest()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        using var probe = new EmulatorProbe(emulator.Url);
        await probe.InjectAsync("""{"status":503,"count":100000,"path":"/_bulk"}""");
        var failures = new List<SinkFailure>();
        var options = Options(emulator, o =>
        {
            o.QueueLimit = 20;
            o.BatchSizeLimit = 10;
            o.OnFailure = f => { lock (failures) { failures.Add(f); } };
        });

        using (var logger = Logger(options))
        {
            for (var i = 0; i < 200; i++)
            {
                logger.Information("Flood {N}", i);
            }

            options.Metrics.Dropped.ShouldBeGreaterThan(0);
            (options.Metrics.Queued + options.Metrics.Dropped).ShouldBe(200);
            failures.Sum(f => f.Count).ShouldBe((int)options.Metrics.Dropped);
            await probe.ClearFaultsAsync();
        }

        var documents = await probe.DocumentsAsync(Stream);
        documents.Count.ShouldBe((int)options.Metrics.Queued);
        options.Metrics.Sent.ShouldBe(options.Metrics.Queued);
    }

    [Fact]
    public async Task CloseAndFlushDeliversWhatWasQueued()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        using var probe = new EmulatorProbe(emulator.Url);
        var options = Options(emulator, o => o.Period = TimeSpan.FromSeconds(30));
        Log.Logger = Logger(options);
        for (var i = 0; i < 250; i++)
        {
            Log.Information("Queued {N}", i);
        }

        await Log.CloseAndFlushAsync();

        (await probe.DocumentsAsync(Stream)).Count.ShouldBe(250);
    }

    [Fact]
    public async Task PermanentRejectionsReachTheDeadLetterFileWithTheirReason()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        using var probe = new EmulatorProbe(emulator.Url);
        using var temp = new TempDirectory();
        await probe.InjectAsync("""{"reject_items":2,"status":400,"type":"document_parsing_exception","reason":"failed to parse field [order.id]"}""");
        var options = Options(emulator, o => o.DeadLetterPath = temp.File("dead.ndjson"));

        using (var logger = Logger(options))
        {
            for (var i = 0; i < 5; i++)
            {
                logger.Information("Order {OrderId} created", $"o-{i}");
            }
        }

        var deadLetters = File.ReadAllLines(temp.File("dead.ndjson")).Select(l => JsonNode.Parse(l)!).ToList();
        deadLetters.Count.ShouldBe(2);
        deadLetters.ShouldAllBe(d => d["reason"]!.GetValue<string>().Contains("document_parsing_exception"));
        deadLetters.ShouldAllBe(d => d["event"]!["message"] != null);
        options.Metrics.DeadLettered.ShouldBe(2);
        (await probe.DocumentsAsync(Stream)).Count.ShouldBe(3);
    }

    private static ElasticsearchSinkOptions Options(EmulatorHost emulator, Action<ElasticsearchSinkOptions>? configure = null)
    {
        var options = new ElasticsearchSinkOptions
        {
            Url = emulator.Url,
            ServiceName = "shop-api",
            Environment = "test",
            Period = TimeSpan.FromMilliseconds(50),
            BatchSizeLimit = 100,
            MinBackoff = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(options);
        return options;
    }

    private static Logger Logger(ElasticsearchSinkOptions options) =>
        new LoggerConfiguration().Enrich.WithServiceInfo("shop-api", "1.0.0", "test").WriteTo.Elasticsearch(options).CreateLogger();

    private static IEnumerable<string> Ids(IEnumerable<JsonObject> documents) =>
        documents.Select(d => d["event"]!["id"]!.GetValue<string>());
}
