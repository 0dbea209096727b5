using System.Text;
using ObservabilityStack.Gateway.Metrics;

namespace ObservabilityStack.Gateway.Tests.Metrics;

public class HistogramTests
{
    [Fact]
    public void RenderedBucketsAreCumulativeWithSumAndCountInPrometheusFormat()
    {
        var histogram = new Histogram(0.01, 0.1);
        histogram.Observe(0.005);
        histogram.Observe(0.01);
        histogram.Observe(0.05);
        histogram.Observe(2);
        var sb = new StringBuilder();
        histogram.Render(sb, "x_seconds", "Help text.");
        sb.ToString().ShouldBe(
            "# HELP x_seconds Help text.\n# TYPE x_seconds histogram\n" +
            "x_seconds_bucket{le=\"0.01\"} 2\nx_seconds_bucket{le=\"0.1\"} 3\nx_seconds_bucket{le=\"+Inf\"} 4\n" +
            "x_seconds_sum 2.065\nx_seconds_count 4\n");
    }

    [Fact]
    public void AQuantileIsTheUpperBoundOfTheBucketHoldingItsRankInTheDifferenceOfTwoSnapshots()
    {
        var histogram = new Histogram(0.001, 0.01, 0.1);
        histogram.Observe(5);
        var before = histogram.Snapshot();
        for (var i = 0; i < 98; i++)
        {
            histogram.Observe(0.0005);
        }

        histogram.Observe(0.05);
        histogram.Observe(0.05);
        var counts = histogram.Snapshot().Zip(before, (now, then) => now - then).ToArray();
        histogram.Quantile(counts, 0.5).ShouldBe(0.001);
        histogram.Quantile(counts, 0.99).ShouldBe(0.1);
        histogram.Quantile(histogram.Snapshot(), 1).ShouldBe(double.PositiveInfinity);
        double.IsNaN(histogram.Quantile(new long[4], 0.99)).ShouldBeTrue();
    }
}
