using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;
using ObservabilityStack.Emulator;

namespace ObservabilityStack.Cli.Tests.Features.Bootstrap;

/// <summary>
/// <c>obs bootstrap</c> against an emulator with security on: roles applied, the gateway's and the alert
/// engine's keys created and stored, and those keys really limited to what their roles allow.
/// </summary>
public sealed class SecuredBootstrapTests : IAsyncLifetime
{
    private const string Password = "bootstrap-test-password";
    private const string Doc = """{"@timestamp":"2026-11-22T01:00:00Z","message":"hello"}""";
    private readonly string _work = Directory.CreateTempSubdirectory("obs-secured-bootstrap-").FullName;
    private EmulatorHost _emulator = null!;
    private HttpClient _http = null!;

    private string Secrets => Path.Combine(_work, "secrets");

    private string GatewayKeyFile => Path.Combine(Secrets, "gateway-elasticsearch-api-key");

    private string AlertingKeyFile => Path.Combine(Secrets, "alerting-elasticsearch-api-key");

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Security = true, ElasticPassword = Password });
        _http = new HttpClient { BaseAddress = _emulator.Url };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task BootstrapAppliesRolesAndStoresKeysThatCanOnlyDoWhatTheirRolesAllow()
    {
        var cli = await BootstrapAsync();
        var output = cli.Out.ToString();
        output.ShouldContain($"written to {GatewayKeyFile}");
        output.ShouldContain($"written to {AlertingKeyFile}");
        var gateway = await File.ReadAllTextAsync(GatewayKeyFile);
        var alerting = await File.ReadAllTextAsync(AlertingKeyFile);
        output.ShouldNotContain(gateway);
        output.ShouldNotContain(alerting);
        cli.Error.ToString().ShouldNotContain(gateway);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(GatewayKeyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        (await SendAsync(Basic(), HttpMethod.Get, "/_security/role/logs_reader")).Status.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(Key(gateway), HttpMethod.Post, "/logs-shop_api-production/_doc", Doc)).Status.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(Key(gateway), HttpMethod.Post, "/logs-*/_search", "{}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(Key(gateway), HttpMethod.Put, "/orders/_doc/1", Doc)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(Key(gateway), HttpMethod.Delete, "/_data_stream/logs-shop_api-production")).Status.ShouldBe(HttpStatusCode.Forbidden);

        (await SendAsync(Key(alerting), HttpMethod.Post, "/logs-shop_api-production/_doc", Doc)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(Key(alerting), HttpMethod.Post, "/logs-*/_search", "{}")).Status.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(Key(alerting), HttpMethod.Put, "/obs-alerts-state/_doc/r1", """{"state":"firing"}""")).Status.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(Basic(), HttpMethod.Get, "/_index_template/obs-alerts-history")).Status.ShouldBe(HttpStatusCode.OK);
        var history = await SendAsync(Key(alerting), HttpMethod.Post, "/obs-alerts-history/_doc?op_type=create", Doc);
        history.Status.ShouldBe(HttpStatusCode.Created, history.Body);
        history.Body.ShouldContain(".ds-obs-alerts-history");
    }

    [Fact]
    public async Task ASecondRunChangesNothingAndKeepsTheKeysThatStillWork()
    {
        await BootstrapAsync();
        var gateway = await File.ReadAllTextAsync(GatewayKeyFile);
        var alerting = await File.ReadAllTextAsync(AlertingKeyFile);

        var second = await BootstrapAsync();
        second.Out.ToString().ShouldContain("0 created, 0 updated");
        (await File.ReadAllTextAsync(GatewayKeyFile)).ShouldBe(gateway);
        (await File.ReadAllTextAsync(AlertingKeyFile)).ShouldBe(alerting);
        var keys = await SendAsync(Basic(), HttpMethod.Get, "/_security/api_key?name=obs-gateway");
        keys.Body.Split("\"id\"").Length.ShouldBe(2);
    }

    [Fact]
    public async Task AnInvalidatedKeyIsReplacedAndTheOtherIsLeftAlone()
    {
        await BootstrapAsync();
        var gateway = await File.ReadAllTextAsync(GatewayKeyFile);
        var alerting = await File.ReadAllTextAsync(AlertingKeyFile);
        (await SendAsync(Basic(), HttpMethod.Delete, "/_security/api_key", """{"name":"obs-gateway"}""")).Status.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(Key(gateway), HttpMethod.Get, "/_security/_authenticate")).Status.ShouldBe(HttpStatusCode.Unauthorized);

        var again = await BootstrapAsync();
        again.Out.ToString().ShouldContain("1 created, 0 updated");
        var replaced = await File.ReadAllTextAsync(GatewayKeyFile);
        replaced.ShouldNotBe(gateway);
        (await File.ReadAllTextAsync(AlertingKeyFile)).ShouldBe(alerting);
        (await SendAsync(Key(replaced), HttpMethod.Post, "/logs-shop_api-production/_doc", Doc)).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task WithoutCredentialsBootstrapSaysWhatToSet()
    {
        var cli = new CliHarness(_work);
        (await cli.RunAsync("bootstrap", "--elasticsearch", _emulator.Url.ToString(), "--secrets", Secrets)).ShouldBe(ExitCodes.Unavailable);
        cli.Error.ToString().ShouldContain("OBS_ELASTICSEARCH_USERNAME");
        File.Exists(GatewayKeyFile).ShouldBeFalse();
    }

    private async Task<CliHarness> BootstrapAsync()
    {
        var cli = new CliHarness(_work)
            .With("OBS_ELASTICSEARCH_USERNAME", "elastic")
            .With("OBS_ELASTICSEARCH_PASSWORD", Password);
        (await cli.RunAsync("bootstrap", "--elasticsearch", _emulator.Url.ToString(), "--secrets", Secrets)).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        return cli;
    }

    private static string Basic() => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"elastic:{Password}"));

    private static string Key(string encoded) => "ApiKey " + encoded.Trim();

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string authorization, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
