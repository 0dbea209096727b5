using ObservabilityStack.Emulator;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Serilog.Tests.Support;
using ObservabilityStack.Tests.Shared;
using Serilog;

namespace ObservabilityStack.Serilog.Tests.Integration;

/// <summary>
/// The gateway sink against the real gateway serving HTTPS with a certificate from a private CA (as in the compose
/// stack): with the CA configured events arrive in Elasticsearch; without it nothing is sent and the retries show.
/// </summary>
public sealed class PrivateCaTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private EmulatorHost _emulator = null!;
    private GatewayHost _gateway = null!;
    private string _key = null!;
    private string _caFile = null!;

    public async Task InitializeAsync()
    {
        using var ca = TestCertificates.CreateCa("obs test CA");
        using var server = TestCertificates.CreateServer(ca);
        var (certificate, key) = TestCertificates.WritePemPair(server, _temp.Path);
        _caFile = _temp.File("ca.crt");
        await File.WriteAllTextAsync(_caFile, ca.ExportCertificatePem());
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        var options = new GatewayOptions
        {
            Urls = "https://127.0.0.1:0",
            DataDirectory = _temp.File("gateway"),
            LogToConsole = false,
            Elasticsearch = { Url = _emulator.Url.ToString() },
            Delivery = { LingerMilliseconds = 5 },
        };
        options.ConfigOverrides["Kestrel:Certificates:Default:Path"] = certificate;
        options.ConfigOverrides["Kestrel:Certificates:Default:KeyPath"] = key;
        _key = ApiKeys.Create(options.ResolveKeysFile(), "shop-api", ["production"], false, [], DateTimeOffset.UtcNow).Key;
        _gateway = await GatewayHost.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _emulator.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task WithTheCaConfiguredTheSinkDeliversOverHttpsToElasticsearch()
    {
        var options = new GatewaySinkOptions { Url = _gateway.Url, ApiKey = _key, CaCertificatePath = _caFile, Period = TimeSpan.FromMilliseconds(20) };
        using (var logger = new LoggerConfiguration().Enrich.WithServiceInfo("shop-api", "1.0.0", "production")
                   .WriteTo.ObservabilityGateway(options).CreateLogger())
        {
            logger.Information("Order {OrderId} created", "o-tls-1");
            logger.Information("Order {OrderId} created", "o-tls-2");
        }

        options.Metrics.Sent.ShouldBe(2);
        using var probe = new EmulatorProbe(_emulator.Url);
        await Eventually.TrueAsync(async () => (await probe.DocumentsAsync("logs-shop_api-production")).Count == 2,
            "both events are in logs-shop_api-production");
    }

    [Fact]
    public async Task WithoutTheCaTheCertificateIsRefusedAndTheEventsWaitWithRetriesCounted()
    {
        var options = new GatewaySinkOptions
        {
            Url = _gateway.Url, ApiKey = _key, Period = TimeSpan.FromMilliseconds(20),
            MinBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(50), FlushTimeout = TimeSpan.FromSeconds(1),
        };
        using (var logger = new LoggerConfiguration().Enrich.WithServiceInfo("shop-api", "1.0.0", "production")
                   .WriteTo.ObservabilityGateway(options).CreateLogger())
        {
            logger.Information("Order {OrderId} created", "o-untrusted");
            await Eventually.TrueAsync(() => options.Metrics.Retried > 0, "the untrusted gateway's answer is retried");
        }

        options.Metrics.Sent.ShouldBe(0);
        options.Metrics.Dropped.ShouldBe(1, "undelivered at shutdown without a durable buffer: counted, not silent");
    }

    [Fact]
    public void AMissingCaFileIsRefusedWhenTheSinkIsConfigured()
    {
        var options = new GatewaySinkOptions { Url = _gateway.Url, ApiKey = _key, CaCertificatePath = _temp.File("missing.crt") };
        var error = Should.Throw<ArgumentException>(() => new LoggerConfiguration().WriteTo.ObservabilityGateway(options).CreateLogger());
        error.Message.ShouldContain("missing.crt");
    }
}
