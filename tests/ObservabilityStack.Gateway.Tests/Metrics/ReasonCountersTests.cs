using System.Text;
using ObservabilityStack.Gateway.Metrics;

namespace ObservabilityStack.Gateway.Tests.Metrics;

public class ReasonCountersTests
{
    [Fact]
    public void CountsPerReasonAreRenderedInReasonOrderUnderOneHeader()
    {
        var counters = new ReasonCounters();
        counters.Add("too_large");
        counters.Add("bad_key", 3);
        counters.Add("too_large");
        var sb = new StringBuilder();

        PrometheusWriter.CountersByReason(sb, "x_rejected_total", "Refused, by reason.", counters);

        sb.ToString().ShouldBe(
            "# HELP x_rejected_total Refused, by reason.\n# TYPE x_rejected_total counter\n" +
            "x_rejected_total{reason=\"bad_key\"} 3\nx_rejected_total{reason=\"too_large\"} 2\n");
    }

    [Fact]
    public async Task ConcurrentAddsToOneReasonAreAllCounted()
    {
        var counters = new ReasonCounters();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counters.Add("queue_full");
            }
        })));

        counters.Get("queue_full").ShouldBe(40_000);
        counters.Get("never_seen").ShouldBe(0);
    }
}
