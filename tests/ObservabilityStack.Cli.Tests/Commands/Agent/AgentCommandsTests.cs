using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;
using ObservabilityStack.Emulator;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Cli.Tests.Commands.Agent;

/// <summary><c>obs agent check|run</c> against a real gateway in front of a real emulator.</summary>
public sealed class AgentCommandsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-agent-cli-").FullName;
    private EmulatorHost _emulator = null!;
    private GatewayHost _gateway = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        var options = new GatewayOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = Path.Combine(_directory, "gateway"),
            LogToConsole = false,
            Elasticsearch = { Url = _emulator.Url.ToString() },
            Delivery = { LingerMilliseconds = 5 },
        };
        _key = ApiKeys.Create(options.ResolveKeysFile(), "web-legacy", ["production"], false, [], DateTimeOffset.UtcNow).Key;
        _gateway = await GatewayHost.StartAsync(options);
        await File.WriteAllTextAsync(Path.Combine(_directory, "app.log"), "2026-11-21T10:00:00Z INFO started\n2026-11-21T10:00:01Z ERROR failed\n");
    }

    [Fact]
    public async Task CheckPassesWhenTheFileTheGatewayAndTheKeyAreRight()
    {
        var config = WriteConfig($"API_KEY_FILE=key");
        await File.WriteAllTextAsync(Path.Combine(_directory, "key"), _key);

        var cli = new CliHarness(_directory);
        var exit = await cli.RunAsync("agent", "check", "--config", config);

        exit.ShouldBe(ExitCodes.Ok, cli.Out.ToString() + cli.Error);
        cli.Out.ToString().ShouldContain("OK   gateway");
        cli.Out.ToString().ShouldContain("All checks passed");
        cli.Out.ToString().ShouldNotContain(_key);
    }

    [Fact]
    public async Task CheckNamesAWrongKeyAndFails()
    {
        var config = WriteConfig("");
        var cli = new CliHarness(_directory).With("OBS_AGENT_API_KEY", "obs_000000000000_wrong");

        var exit = await cli.RunAsync("agent", "check", "--config", config);

        exit.ShouldBe(ExitCodes.Failure);
        cli.Out.ToString().ShouldContain("FAIL gateway");
        cli.Out.ToString().ShouldContain("key was not accepted");
    }

    [Fact]
    public async Task AConfigurationWithErrorsIsAUsageErrorListingThemAll()
    {
        var config = Path.Combine(_directory, "bad.env");
        await File.WriteAllTextAsync(config, "SOURCE=x\nBATCH_SIZE=lots\nLOG_FILE=app.log\n");

        var cli = new CliHarness(_directory);
        var exit = await cli.RunAsync("agent", "run", "--config", config);

        exit.ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("bad.env:2: BATCH_SIZE: 'lots' is not a whole number");
        cli.Error.ToString().ShouldContain("GATEWAY_URL is required");
    }

    [Fact]
    public async Task RunShipsTheFileUntilStoppedAndSavesItsPosition()
    {
        var config = WriteConfig($"API_KEY={_key}\nBATCH_INTERVAL=0.05");
        var cli = new CliHarness(_directory);
        using var stop = new CancellationTokenSource();

        var run = cli.RunAsync(stop.Token, "agent", "run", "--config", config, "--status-every", "1");
        using var http = new HttpClient { BaseAddress = _emulator.Url };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        string body;
        do
        {
            await Task.Delay(100);
            await http.PostAsync("/_refresh", null);
            body = await http.GetStringAsync("/logs-web_legacy-production/_count").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "");
        }
        while (!body.Contains("\"count\":2", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        await stop.CancelAsync();

        (await run).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        body.ShouldContain("\"count\":2");
        cli.Out.ToString().ShouldContain("positions saved");
        File.ReadAllText(Path.Combine(_directory, "agent-data", "state.json")).ShouldContain("\"offset\": 68");
    }

    private string WriteConfig(string extra)
    {
        var path = Path.Combine(_directory, "agent.env");
        File.WriteAllText(path, $"SOURCE=legacy1\nLOG_FILE=app.log\nGATEWAY_URL={_gateway.Url}\n{extra}\n");
        return path;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
