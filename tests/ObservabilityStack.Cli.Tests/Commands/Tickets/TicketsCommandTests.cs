using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;
using ObservabilityStack.Gateway;

namespace ObservabilityStack.Cli.Tests.Commands.Tickets;

/// <summary><c>obs tickets</c> against a real gateway (port 0) delivering to a real emulator.</summary>
public sealed class TicketsCommandTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "obs-tickets-cli-" + Guid.NewGuid().ToString("N"));
    private TestCluster _cluster = null!;
    private GatewayHost _gateway = null!;
    private string _adminKey = string.Empty;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        var keys = new CliHarness();
        (await keys.RunAsync("keys", "create", "--admin", "--data", _data)).ShouldBe(ExitCodes.Ok, keys.Error.ToString());
        keys.Out.ToString().ShouldContain("Created admin key");
        _adminKey = LineStartingWith(keys, "obs_");
        _gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = _data,
            LogToConsole = false,
            Elasticsearch = { Url = _cluster.Url.ToString() },
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private static string LineStartingWith(CliHarness cli, string prefix) =>
        cli.Out.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private async Task<CliHarness> RunAsync(int expected, params string[] args)
    {
        var cli = new CliHarness().With("OBS_ADMIN_KEY", _adminKey);
        (await cli.RunAsync([.. args, "--gateway", _gateway.Url.ToString()])).ShouldBe(expected, $"out: {cli.Out} err: {cli.Error}");
        return cli;
    }

    private async Task<HttpStatusCode> UploadAsync(string token, string text)
    {
        using var http = new HttpClient { BaseAddress = _gateway.Url };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/tickets/upload/app.log") { Content = new StringContent(text, Encoding.UTF8) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Ticket", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task CreateListDownloadSolveAndDeleteATicketThroughTheGateway()
    {
        var created = await RunAsync(ExitCodes.Ok, "tickets", "create", "--platform", "shop", "--ticket", "HD-42", "--expires", "24h", "--max-uploads", "2");
        created.Out.ToString().ShouldContain("Created ticket HD-42 for shop: 2 uploads until");
        var curl = LineStartingWith(created, "curl ");
        var token = LineStartingWith(created, "obt_");
        curl.ShouldContain($"Authorization: Ticket {token}");
        curl.ShouldContain(_gateway.Url.ToString().TrimEnd('/') + "/v1/tickets/upload/");

        (await UploadAsync(token, "2026-11-20 10:00:00 ERROR it broke\n")).ShouldBe(HttpStatusCode.Created);
        var list = await RunAsync(ExitCodes.Ok, "tickets", "list");
        var row = list.Out.ToString().Split('\n').Single(l => l.Contains("HD-42", StringComparison.Ordinal));
        row.ShouldContain("shop");
        row.ShouldContain("open");
        row.ShouldContain("1/2");
        list.Out.ToString().ShouldNotContain(token);

        var outDir = Path.Combine(_data, "download");
        var download = await RunAsync(ExitCodes.Ok, "tickets", "download", "HD-42", "--out", outDir);
        download.Out.ToString().ShouldContain("sha256");
        var file = Directory.GetFiles(Path.Combine(outDir, "HD-42")).ShouldHaveSingleItem();
        (await File.ReadAllTextAsync(file)).ShouldBe("2026-11-20 10:00:00 ERROR it broke\n");

        var solved = await RunAsync(ExitCodes.Ok, "tickets", "solve", "HD-42");
        solved.Out.ToString().ShouldContain("Ticket HD-42 is solved");
        (await UploadAsync(token, "more\n")).ShouldBe(HttpStatusCode.Gone);

        var deleted = await RunAsync(ExitCodes.Ok, "tickets", "delete", "HD-42");
        deleted.Out.ToString().ShouldContain("Deleted ticket HD-42: 1 stored files and 1 indexed lines removed.");
        (await RunAsync(ExitCodes.Ok, "tickets", "list")).Out.ToString().ShouldContain("No tickets");
    }

    [Fact]
    public async Task MistakesGetAMessageThatSaysWhatToDo()
    {
        var noKey = new CliHarness();
        (await noKey.RunAsync("tickets", "list", "--gateway", _gateway.Url.ToString())).ShouldBe(ExitCodes.Usage);
        noKey.Error.ToString().ShouldContain("set OBS_ADMIN_KEY or pass --admin-key-file");

        var wrongKey = new CliHarness().With("OBS_ADMIN_KEY", "obs_000000000000_wrong");
        (await wrongKey.RunAsync("tickets", "list", "--gateway", _gateway.Url.ToString())).ShouldBe(ExitCodes.Unavailable);
        wrongKey.Error.ToString().ShouldContain("the gateway refused (401)");

        var keyFile = Path.Combine(_data, "admin.key");
        await File.WriteAllTextAsync(keyFile, _adminKey + "\n");
        var fromFile = new CliHarness();
        (await fromFile.RunAsync("tickets", "list", "--admin-key-file", keyFile, "--gateway", _gateway.Url.ToString())).ShouldBe(ExitCodes.Ok, fromFile.Error.ToString());

        (await RunAsync(ExitCodes.Failure, "tickets", "solve", "HD-404")).Error.ToString().ShouldContain("no ticket HD-404");
        (await RunAsync(ExitCodes.Usage, "tickets", "create", "--platform", "shop", "--ticket", "HD-1", "--expires", "soon")).Error.ToString()
            .ShouldContain("--expires 'soon' is not a duration");
        (await RunAsync(ExitCodes.Failure, "tickets", "create", "--platform", "shop", "--ticket", "../x")).Error.ToString()
            .ShouldContain("ticket must be 1-64 letters");
        (await RunAsync(ExitCodes.Usage, "tickets", "create", "--ticket", "HD-1")).Error.ToString().ShouldContain("--platform");
    }
}
