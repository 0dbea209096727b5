using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;
using ObservabilityStack.Emulator;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Cli.Tests.EndToEnd;

/// <summary>
/// The docker-compose flow in one process, with security on: bootstrap as <c>elastic</c> stores the
/// least-privilege keys, the gateway writes with its <c>logs_writer</c> key in Refuse mode (as compose runs it),
/// events of a bootstrapped service arrive, and an unknown service is refused at intake with its reason.
/// </summary>
public sealed class SecuredStackTests : IAsyncLifetime
{
    private const string Password = "secured-stack-test-password";
    private readonly string _work = Directory.CreateTempSubdirectory("obs-secured-stack-").FullName;
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Security = true, ElasticPassword = Password });

    [Fact]
    public async Task TheGatewayWithItsBootstrappedKeyDeliversKnownServicesAndRefusesOthers()
    {
        var secrets = Path.Combine(_work, "secrets");
        var bootstrap = new CliHarness(_work).With("OBS_ELASTICSEARCH_USERNAME", "elastic").With("OBS_ELASTICSEARCH_PASSWORD", Password);
        (await bootstrap.RunAsync("bootstrap", "--elasticsearch", _emulator.Url.ToString(), "--secrets", secrets))
            .ShouldBe(ExitCodes.Ok, bootstrap.Error.ToString());

        var options = new GatewayOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = Path.Combine(_work, "gateway"),
            LogToConsole = false,
            Elasticsearch = { Url = _emulator.Url.ToString(), ApiKey = (await File.ReadAllTextAsync(Path.Combine(secrets, "gateway-elasticsearch-api-key"))).Trim() },
            Provisioning = { Mode = ProvisioningMode.Refuse, KnownServices = ["shop-api"] },
            Delivery = { LingerMilliseconds = 5, InitialBackoffMilliseconds = 20, MaxBackoffMilliseconds = 200 },
        };
        var shopKey = ApiKeys.Create(options.ResolveKeysFile(), "shop-api", ["production"], false, [], DateTimeOffset.UtcNow).Key;
        var rogueKey = ApiKeys.Create(options.ResolveKeysFile(), "rogue-api", ["production"], false, [], DateTimeOffset.UtcNow).Key;
        await using var gateway = await GatewayHost.StartAsync(options);
        using var http = new HttpClient { BaseAddress = gateway.Url };

        var accepted = await PostAsync(http, shopKey, """{"message":"order created","order":{"id":"o-1"}}""");
        accepted.Status.ShouldBe(HttpStatusCode.Accepted, accepted.Body);
        var refused = await PostAsync(http, rogueKey, """{"message":"who am I"}""");
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.Body.ShouldContain("unknown_service");

        using var admin = new HttpClient { BaseAddress = _emulator.Url };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"elastic:{Password}")));
        var deadline = DateTime.UtcNow.AddMinutes(1);
        string count;
        do
        {
            await Task.Delay(100);
            await admin.PostAsync("/logs-shop_api-production/_refresh", null);
            count = await admin.GetStringAsync("/logs-shop_api-production/_count");
        }
        while (!count.Contains("\"count\":1", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        count.ShouldContain("\"count\":1");
        var search = await admin.GetStringAsync("/logs-shop_api-production/_search");
        search.ShouldContain("order created");
        search.ShouldContain("\"service\":{\"name\":\"shop-api\"");
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, string key, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }
}
