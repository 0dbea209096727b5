using System.Text.RegularExpressions;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.EndToEnd;

public sealed partial class UpTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("obs-up-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task UpStartsTheEmulatorBootstrapsItRunsTheGatewayAndStopsOnCtrlC()
    {
        using var obs = ObsProcess.Start("up", "--emulator-port", "0", "--gateway-port", "0", "--data", _data);
        var output = await obs.WaitForOutputAsync(o => o.Contains("Running. Press Ctrl+C to stop.", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        output.ShouldContain("Bootstrap done");
        var gateway = GatewayRow().Match(output);
        gateway.Success.ShouldBeTrue(output);
        var emulator = ElasticsearchRow().Match(output);
        emulator.Success.ShouldBeTrue(output);
        using (var http = new HttpClient())
        {
            (await http.GetStringAsync(new Uri(new Uri(gateway.Groups[1].Value), "/health/live"))).ShouldBe("ok");
            (await http.GetStringAsync(new Uri(new Uri(emulator.Groups[1].Value), "/_index_template/obs-logs-shop-api"))).ShouldContain("logs-shop_api-*");
        }

        obs.Interrupt();
        (await obs.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, obs.StandardError);
        obs.StandardOutput.ShouldContain("Stopped.");
    }

    [GeneratedRegex(@"gateway\s*│\s*(http://127\.0\.0\.1:[0-9]+/)")]
    private static partial Regex GatewayRow();

    [GeneratedRegex(@"elasticsearch\s*│\s*(http://127\.0\.0\.1:[0-9]+/)")]
    private static partial Regex ElasticsearchRow();
}
