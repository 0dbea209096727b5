using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Cli.Tests.Support;
using ObservabilityStack.Emulator;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Cli.Tests.Commands.Samples;

public sealed class SamplesCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("obs-samples-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task SamplesShopWithTrafficThroughTheGatewayFillsTheShopCrmAndMesDataStreamsWithOrdersSharingTraceIds()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        var options = new GatewayOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = Path.Combine(_data, "gateway"),
            LogToConsole = false,
            Elasticsearch = { Url = emulator.Url.ToString() },
        };
        var keys = new[] { "shop", "crm", "mes" }.ToDictionary(s => s,
            s => ApiKeys.Create(options.ResolveKeysFile(), s, ["demo"], false, [], DateTimeOffset.UtcNow).Key);
        var keyFile = Path.Combine(_data, "crm-key");
        await File.WriteAllTextAsync(keyFile, keys["crm"] + "\n");
        await using var gateway = await GatewayHost.StartAsync(options);
        string[] common = ["--urls", "http://127.0.0.1:0", "--gateway", gateway.Url.ToString()];

        await using var mes = await RunningSample.StartAsync(new CliHarness().With("OBS_GATEWAY_API_KEY", keys["mes"]), ["samples", "mes", .. common]);
        await using var crm = await RunningSample.StartAsync(new CliHarness().With("OBS_GATEWAY_API_KEY_FILE", keyFile),
            ["samples", "crm", .. common, "--downstream", mes.Url]);
        await using var shop = await RunningSample.StartAsync(new CliHarness().With("OBS_GATEWAY_API_KEY", keys["shop"]),
            ["samples", "shop", .. common, "--downstream", crm.Url, "--traffic", "--rate", "20"]);

        using var http = new HttpClient { BaseAddress = emulator.Url };
        var shared = new List<string>();
        for (var attempt = 0; attempt < 120 && shared.Count == 0; attempt++)
        {
            await Task.Delay(500);
            (await http.PostAsync("/logs-*/_refresh", null)).Dispose();
            var created = await TraceIdsAsync(http, "logs-shop-demo", "order.created");
            var inCrm = await TraceIdsAsync(http, "logs-crm-demo", null);
            var inMes = await TraceIdsAsync(http, "logs-mes-demo", null);
            shared = created.Intersect(inCrm).Intersect(inMes).ToList();
        }

        shared.ShouldNotBeEmpty("an order created by the generated traffic shares its trace id across shop, CRM and MES");
        (await shop.StopAsync()).ShouldBe(0, shop.Harness.Error.ToString());
        var output = shop.Harness.Out.ToString();
        output.ShouldContain("Traffic sent");
        output.ShouldNotContain(keys["shop"]);
        crm.Harness.Out.ToString().ShouldNotContain(keys["crm"]);
        (await crm.StopAsync()).ShouldBe(0);
        (await mes.StopAsync()).ShouldBe(0);
    }

    private static async Task<HashSet<string>> TraceIdsAsync(HttpClient http, string dataStream, string? action)
    {
        var query = action is null
            ? (object)new { exists = new { field = "order.id" } }
            : new { term = new Dictionary<string, string> { ["event.action"] = action } };
        using var response = await http.PostAsJsonAsync($"/{dataStream}/_search", new { size = 500, query });
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["hits"]!["hits"]!.AsArray()
            .Select(h => h!["_source"]?["trace"]?["id"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }
}
