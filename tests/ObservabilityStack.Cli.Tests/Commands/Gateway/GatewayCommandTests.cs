using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Commands.Gateway;

public sealed partial class GatewayCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "obs-gw-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [GeneratedRegex(@"Gateway listening on (http://\S+?)\.? Press")]
    private static partial Regex ListeningLine();

    [Fact]
    public async Task TheGatewayRunsUntilCancelledAndDeliversEventsSentWithAKeyFromKeysCreate()
    {
        await using var cluster = await TestCluster.StartAsync();
        var keys = new CliHarness();
        (await keys.RunAsync("keys", "create", "--service", "shop-api", "--data", _data)).ShouldBe(ExitCodes.Ok, keys.Error.ToString());
        var key = keys.Out.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("obs_", StringComparison.Ordinal));

        var cli = new CliHarness();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = cli.RunAsync(stop.Token, "gateway", "--data", _data, "--urls", "http://127.0.0.1:0", "--elasticsearch", cluster.Url.ToString());
        Match listening = Match.Empty;
        for (var i = 0; i < 400 && !(listening = ListeningLine().Match(cli.Out.ToString())).Success && !run.IsCompleted; i++)
        {
            await Task.Delay(50);
        }

        listening.Success.ShouldBeTrue($"out: {cli.Out} err: {cli.Error}");
        using var http = new HttpClient { BaseAddress = new Uri(listening.Groups[1].Value) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using var response = await http.PostAsync("/v1/logs", new StringContent("{\"message\":\"through obs gateway\",\"event\":{\"id\":\"cli-1\"}}", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        string found = string.Empty;
        for (var i = 0; i < 200 && !found.Contains("cli-1", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            await cluster.Client.SendJsonAsync(HttpMethod.Post, "/logs-shop_api-production/_refresh", "{}");
            found = await cluster.GetAsync("/logs-shop_api-production/_search?q=event.id:cli-1");
        }

        found.ShouldContain("through obs gateway");
        await stop.CancelAsync();
        (await run).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
    }

    [Fact]
    public async Task AMissingConfigFileOrABadUrlIsAUsageErrorWithAMessage()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("gateway", "--config", Path.Combine(_data, "nope.json"))).ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("does not exist");

        var bad = new CliHarness();
        (await bad.RunAsync("gateway", "--elasticsearch", "not a url", "--data", _data)).ShouldBe(ExitCodes.Usage);
        bad.Error.ToString().ShouldContain("not an absolute URL");
    }

    [Fact]
    public async Task AnUnreadableCertificateStopsTheStartWithAMessageAndNoStackTrace()
    {
        Directory.CreateDirectory(_data);
        var cert = Path.Combine(_data, "gateway.crt");
        await File.WriteAllTextAsync(cert, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        var config = Path.Combine(_data, "gateway.json");
        var certificate = new System.Text.Json.Nodes.JsonObject { ["Path"] = cert, ["KeyPath"] = cert };
        var settings = new System.Text.Json.Nodes.JsonObject
        {
            ["Kestrel"] = new System.Text.Json.Nodes.JsonObject { ["Certificates"] = new System.Text.Json.Nodes.JsonObject { ["Default"] = certificate } },
        };
        await File.WriteAllTextAsync(config, settings.ToJsonString());

        var cli = new CliHarness();
        (await cli.RunAsync("gateway", "--config", config, "--data", _data, "--urls", "https://127.0.0.1:0")).ShouldBe(ExitCodes.Unavailable);
        cli.Error.ToString().ShouldContain("The gateway could not start");
        cli.Error.ToString().ShouldNotContain("   at ");
    }
}
