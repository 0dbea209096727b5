using ObservabilityStack.Emulator.Http;

namespace ObservabilityStack.Emulator.Tests.Http;

public sealed class RouterConcurrencyTests
{
    [Fact]
    public void TheFirstRequestsArrivingTogetherAllFindTheirRoute()
    {
        // A fresh emulator's first requests often arrive together (a shipper's connections, a load run);
        // the route table was once sorted on first use while other requests enumerated it.
        for (var round = 0; round < 30; round++)
        {
            var router = new EsRouter();
            for (var i = 0; i < 150; i++)
            {
                router.Map("GET", $"/_test{i}/{{index}}/_thing", _ => Task.CompletedTask);
                router.Map("POST", $"/{{index}}/_op{i}", _ => Task.CompletedTask);
            }

            router.Map("POST", "/_bulk", _ => Task.CompletedTask);
            using var start = new Barrier(8);
            var failures = 0;
            var misses = 0;
            var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                for (var n = 0; n < 200; n++)
                {
                    try
                    {
                        if (router.Match("POST", "/_bulk").Handler is null)
                        {
                            Interlocked.Increment(ref misses);
                        }
                    }
                    catch (InvalidOperationException)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            failures.ShouldBe(0);
            misses.ShouldBe(0);
        }
    }
}
