using ObservabilityStack.Tests.Shared;
using System.Text.Json.Nodes;
using ObservabilityStack.Serilog.Sinks;
using ObservabilityStack.Serilog.Sinks.Core;
using ObservabilityStack.Serilog.Tests.Support;

namespace ObservabilityStack.Serilog.Tests.Sinks;

public class DeliverySinkTests
{
    [Fact]
    public void WhenTheQueueIsFullEmitDropsCountsAndReportsWithoutThrowing()
    {
        var failures = new List<SinkFailure>();
        var backendDown = new TaskCompletionSource();
        var transport = new FakeTransport { Gate = backendDown.Task };
        var options = TestSinks.Options(o =>
        {
            o.QueueLimit = 10;
            o.BatchSizeLimit = 5;
            o.FlushTimeout = TimeSpan.FromMilliseconds(200);
            o.OnFailure = f => { lock (failures) { failures.Add(f); } };
        });
        var sink = TestSinks.Create(options, transport);

        for (var i = 0; i < 100; i++)
        {
            sink.Emit(Some.Information(i));
        }

        // The queue holds 10; each batch the loop has taken out (one per allowed request in flight) holds 5 more.
        options.Metrics.Dropped.ShouldBeGreaterThanOrEqualTo(100 - 10 - (5 * options.MaxConcurrentBatches));
        (options.Metrics.Queued + options.Metrics.Dropped).ShouldBe(100);
        failures.Count(f => f.Kind == SinkFailureKind.Dropped).ShouldBe((int)options.Metrics.Dropped);
        failures[0].Reason.ShouldContain("queue full");
        failures[0].Events.ShouldHaveSingleItem();
        sink.Dispose();
    }

    [Fact]
    public async Task TransientFailuresAreRetriedUntilDeliveredExactlyOnce()
    {
        var transport = new FakeTransport
        {
            Answer = (call, _) => call <= 3 ? TransportResult.RetryAll("HTTP 503") : TransportResult.AllDelivered(),
        };
        var options = TestSinks.Options();
        var sink = TestSinks.Create(options, transport);

        for (var i = 0; i < 20; i++)
        {
            sink.Emit(Some.Information(i));
        }

        await Eventually.TrueAsync(() => options.Metrics.Sent == 20, "all 20 events are sent");
        transport.Delivered.Select(r => r.Id).Distinct().Count().ShouldBe(20);
        options.Metrics.Retried.ShouldBeGreaterThanOrEqualTo(3);
        options.Metrics.Pending.ShouldBe(0);
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task RetryableItemsAreResentAloneAndRejectedItemsGoToTheDeadLetterFileWithTheReason()
    {
        using var temp = new TempDirectory();
        var failures = new List<SinkFailure>();
        var transport = new FakeTransport
        {
            Answer = (call, batch) => call == 1
                ? TransportResult.PerItem([.. batch.Select((_, i) => i switch
                {
                    0 => new ItemOutcome(ItemOutcomeKind.Reject, "status 400: document_parsing_exception: bad field"),
                    1 => new ItemOutcome(ItemOutcomeKind.Retry, "status 429"),
                    _ => ItemOutcome.Delivered,
                })])
                : TransportResult.AllDelivered(),
        };
        var options = TestSinks.Options(o =>
        {
            o.DeadLetterPath = temp.File("dead.ndjson");
            o.OnFailure = f => { lock (failures) { failures.Add(f); } };
        });
        var sink = TestSinks.Create(options, transport);
        for (var i = 0; i < 3; i++)
        {
            sink.Emit(Some.Information(i));
        }

        await sink.DisposeAsync();

        options.Metrics.Sent.ShouldBe(2);
        options.Metrics.DeadLettered.ShouldBe(1);
        transport.BatchSizes.ShouldBe([3, 1]);
        var line = JsonNode.Parse(File.ReadAllLines(temp.File("dead.ndjson")).Single())!;
        line["reason"]!.GetValue<string>().ShouldBe("status 400: document_parsing_exception: bad field");
        line["index"]!.GetValue<string>().ShouldBe("logs-shop_api-production");
        line["event"]!["order"]!["id"]!.GetValue<string>().ShouldBe("order-0");
        var deadLettered = failures.Single(f => f.Kind == SinkFailureKind.DeadLettered);
        deadLettered.Documents.Single().ShouldContain("order-0");
    }

    [Fact]
    public async Task DisposeDeliversEverythingQueuedWithinTheFlushTimeout()
    {
        var transport = new FakeTransport();
        var options = TestSinks.Options(o => o.Period = TimeSpan.FromSeconds(30));
        var sink = TestSinks.Create(options, transport);
        for (var i = 0; i < 500; i++)
        {
            sink.Emit(Some.Information(i));
        }

        sink.Dispose();

        options.Metrics.Sent.ShouldBe(500);
        transport.Delivered.Count.ShouldBe(500);
    }

    [Fact]
    public void WhenTheFlushTimeoutRunsOutUndeliveredEventsAreCountedAsDroppedAndReported()
    {
        var failures = new List<SinkFailure>();
        var transport = new FakeTransport { Answer = (_, _) => TransportResult.RetryAll("HTTP 503") };
        var options = TestSinks.Options(o =>
        {
            o.FlushTimeout = TimeSpan.FromMilliseconds(300);
            o.OnFailure = f => { lock (failures) { failures.Add(f); } };
        });
        var sink = TestSinks.Create(options, transport);
        for (var i = 0; i < 50; i++)
        {
            sink.Emit(Some.Information(i));
        }

        sink.Dispose();

        options.Metrics.Dropped.ShouldBe(50);
        options.Metrics.Pending.ShouldBe(0);
        failures.Sum(f => f.Count).ShouldBe(50);
        failures.ShouldAllBe(f => f.Reason.Contains("shutdown"));
    }

    [Fact]
    public async Task BatchesRespectTheCountLimit()
    {
        var transport = new FakeTransport();
        var options = TestSinks.Options(o => o.BatchSizeLimit = 7);
        var sink = TestSinks.Create(options, transport);
        for (var i = 0; i < 30; i++)
        {
            sink.Emit(Some.Information(i));
        }

        await sink.DisposeAsync();

        transport.BatchSizes.ShouldAllBe(size => size <= 7);
        transport.BatchSizes.Sum().ShouldBe(30);
    }

    [Fact]
    public void EmitAfterDisposeIsCountedAsDropped()
    {
        var options = TestSinks.Options();
        var sink = TestSinks.Create(options, new FakeTransport());
        sink.Dispose();

        sink.Emit(Some.Information());

        options.Metrics.Dropped.ShouldBe(1);
    }

    [Fact]
    public void RetryAfterFromTheServerWinsOverTheBackoff() =>
        Backoff.Delay(1, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)).ShouldBe(TimeSpan.FromSeconds(3));

    [Fact]
    public void BackoffGrowsAndIsCapped()
    {
        Backoff.Delay(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), null).ShouldBeInRange(TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2));
        Backoff.Delay(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), null).ShouldBeInRange(TimeSpan.FromSeconds(6.4), TimeSpan.FromSeconds(9.6));
        Backoff.Delay(30, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), null).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(36));
    }
}
