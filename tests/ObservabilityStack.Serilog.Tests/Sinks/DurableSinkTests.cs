using ObservabilityStack.Serilog.Sinks.Core;
using ObservabilityStack.Serilog.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Serilog.Tests.Sinks;

public class DurableSinkTests
{
    [Fact]
    public async Task EventsBufferedDuringAnOutageAreDeliveredOnceAfterARestart()
    {
        using var temp = new TempDirectory();
        var down = new FakeTransport { Answer = (_, _) => TransportResult.RetryAll("HTTP 503") };
        var first = TestSinks.Options(o =>
        {
            o.BufferDirectory = temp.Path;
            o.FlushTimeout = TimeSpan.FromMilliseconds(300);
        });
        var sink = TestSinks.Create(first, down);
        for (var i = 0; i < 300; i++)
        {
            sink.Emit(Some.Information(i));
        }

        await sink.DisposeAsync();
        first.Metrics.Sent.ShouldBe(0);
        first.Metrics.Dropped.ShouldBe(0);

        var up = new FakeTransport();
        var second = TestSinks.Options(o => o.BufferDirectory = temp.Path);
        var restarted = TestSinks.Create(second, up);
        await Eventually.TrueAsync(() => second.Metrics.Sent == 300, "the 300 buffered events are delivered after the restart");
        await restarted.DisposeAsync();

        up.Delivered.Select(r => r.Id).Distinct().Count().ShouldBe(300);
        up.Delivered.Count.ShouldBe(300);
    }

    [Fact]
    public async Task TheMemoryQueueKeepsDrainingToDiskWhileTheBackendIsDown()
    {
        using var temp = new TempDirectory();
        var backendDown = new TaskCompletionSource();
        var transport = new FakeTransport { Gate = backendDown.Task };
        var options = TestSinks.Options(o =>
        {
            o.BufferDirectory = temp.Path;
            o.QueueLimit = 50;
        });
        var sink = TestSinks.Create(options, transport);

        for (var i = 0; i < 2000; i++)
        {
            sink.Emit(Some.Information(i));
            if (i % 40 == 39)
            {
                await Eventually.TrueAsync(() => sink.InMemory == 0, "the memory queue drained to disk");
            }
        }

        backendDown.SetResult();
        await Eventually.TrueAsync(() => options.Metrics.Sent == options.Metrics.Queued, "everything queued is sent");
        await sink.DisposeAsync();
        options.Metrics.Dropped.ShouldBe(0);
        options.Metrics.Sent.ShouldBe(2000);
        transport.Delivered.Select(r => r.Id).Distinct().Count().ShouldBe(2000);
    }
}
