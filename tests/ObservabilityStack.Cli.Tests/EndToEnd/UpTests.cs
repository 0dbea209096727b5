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
            (await http.GetStringAsync(new Uri(new Uri(emulator.Groups[1].Value), "/_emulator/stats")))
                .ShouldContain("\"warm_columns\":true", customMessage: "obs up warms the emulator's columns after ingest unless --lazy-columns");
        }

        obs.Interrupt();
        (await obs.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, obs.StandardError);
        obs.StandardOutput.ShouldContain("Stopped.");
    }

    [Fact]
    public async Task UpWithDemoRunsTheSamplesAndAnOrderThroughThemLandsInThreeDataStreams()
    {
        using var obs = ObsProcess.Start("up", "--demo", "--emulator-port", "0", "--gateway-port", "0", "--data", _data);
        var output = await obs.WaitForOutputAsync(o => o.Contains("Running. Press Ctrl+C to stop.", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var shop = ShopRow().Match(output);
        shop.Success.ShouldBeTrue(output);
        var emulator = ElasticsearchRow().Match(output);
        emulator.Success.ShouldBeTrue(output);
        using (var http = new HttpClient())
        {
            using var order = new StringContent("{\"userId\":\"u-7\",\"lines\":[{\"sku\":\"bolt\",\"quantity\":3}],\"total\":12.5}", System.Text.Encoding.UTF8, "application/json");
            var created = await http.PostAsync(new Uri(new Uri(shop.Groups[1].Value), "/api/orders"), order);
            created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var es = new Uri(emulator.Groups[1].Value);
            var streams = string.Empty;
            for (var attempt = 0; attempt < 60 && !HasAllThree(streams); attempt++)
            {
                await Task.Delay(500);
                streams = await http.GetStringAsync(new Uri(es, "/_data_stream/logs-*-demo"));
            }

            streams.ShouldContain("logs-shop-demo");
            streams.ShouldContain("logs-crm-demo");
            streams.ShouldContain("logs-mes-demo");
        }

        obs.Interrupt();
        (await obs.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, obs.StandardError);
    }

    private static bool HasAllThree(string streams) =>
        streams.Contains("logs-shop-demo", StringComparison.Ordinal)
        && streams.Contains("logs-crm-demo", StringComparison.Ordinal)
        && streams.Contains("logs-mes-demo", StringComparison.Ordinal);

    [GeneratedRegex(@"shop\s*│\s*(http://127\.0\.0\.1:[0-9]+/)")]
    private static partial Regex ShopRow();

    [GeneratedRegex(@"gateway\s*│\s*(http://127\.0\.0\.1:[0-9]+/)")]
    private static partial Regex GatewayRow();

    [GeneratedRegex(@"elasticsearch\s*│\s*(http://127\.0\.0\.1:[0-9]+/)")]
    private static partial Regex ElasticsearchRow();
}
