using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Intake;

public partial class IntakeMetricsTests
{
    [Fact]
    public async Task MetricsTimeEachIntakeRequestItsCommitWaitAndTheFsyncsThatMadeItDurable()
    {
        await using var gateway = await TestGateway.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            using var response = await gateway.Http.PostAsync("/v1/logs", new StringContent($"{{\"message\":\"m{i}\"}}", Encoding.UTF8, "application/json"));
            ((int)response.StatusCode).ShouldBe(202);
        }

        var text = await gateway.Http.GetStringAsync("/metrics");
        Count(text, "obs_gateway_intake_duration_seconds").ShouldBe(3);
        Count(text, "obs_gateway_wal_commit_wait_seconds").ShouldBe(3);
        Count(text, "obs_gateway_wal_fsync_duration_seconds").ShouldBeInRange(1, 3);
        text.ShouldContain("# TYPE obs_gateway_wal_fsync_duration_seconds histogram");
        text.ShouldContain("obs_gateway_intake_duration_seconds_bucket{le=\"0.05\"}");
    }

    private static long Count(string metrics, string name)
    {
        var match = CountLine().Matches(metrics).First(m => m.Groups[1].Value == name);
        // The +Inf bucket must agree with the count.
        metrics.ShouldContain($"{name}_bucket{{le=\"+Inf\"}} {match.Groups[2].Value}\n");
        return long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\w+)_count (\d+)$", RegexOptions.Multiline)]
    private static partial Regex CountLine();
}
