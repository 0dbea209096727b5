using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Commands.Keys;

public sealed class KeysCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "obs-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task<(int Exit, CliHarness Cli)> RunAsync(params string[] args)
    {
        var cli = new CliHarness();
        return (await cli.RunAsync([.. args, "--data", _data]), cli);
    }

    [Fact]
    public async Task CreatePrintsTheKeyOnceAndOnlyItsHashIsStored()
    {
        var (exit, cli) = await RunAsync("keys", "create", "--service", "shop-api", "--env", "production", "staging");
        exit.ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        var output = cli.Out.ToString();
        output.ShouldContain("Created server key");
        output.ShouldContain("shop-api (production, staging)");
        var key = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("obs_", StringComparison.Ordinal));
        var stored = await File.ReadAllTextAsync(Path.Combine(_data, "keys.json"));
        stored.ShouldNotContain(key);
        stored.ShouldContain("shop-api");

        var (listed, list) = await RunAsync("keys", "list");
        listed.ShouldBe(ExitCodes.Ok, list.Error.ToString());
        list.Out.ToString().ShouldContain("shop-api");
        list.Out.ToString().ShouldContain("production,staging");
        list.Out.ToString().ShouldContain("active");
        list.Out.ToString().ShouldNotContain(key);
    }

    [Fact]
    public async Task RevokeMarksTheKeyRevokedAndAnUnknownIdIsAClearError()
    {
        var (_, created) = await RunAsync("keys", "create", "--service", "crm-api");
        var key = created.Out.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("obs_", StringComparison.Ordinal));
        var id = ObservabilityStack.Gateway.Auth.ApiKeys.IdOf(key)!;

        var (revoked, revoke) = await RunAsync("keys", "revoke", id);
        revoked.ShouldBe(ExitCodes.Ok, revoke.Error.ToString());
        revoke.Out.ToString().ShouldContain($"Revoked {id}.");
        var (_, list) = await RunAsync("keys", "list");
        list.Out.ToString().ShouldContain("revoked");

        var (unknown, missing) = await RunAsync("keys", "revoke", "no-such-id");
        unknown.ShouldBe(ExitCodes.Failure);
        missing.Error.ToString().ShouldContain("No key with id 'no-such-id'");
    }

    [Fact]
    public async Task BadArgumentsAreUsageErrorsWithAMessageAndCreateNothing()
    {
        var (browser, cli) = await RunAsync("keys", "create", "--service", "shop-web", "--browser");
        browser.ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("--origin");

        var (origin, originCli) = await RunAsync("keys", "create", "--service", "shop-api", "--origin", "https://shop.example");
        origin.ShouldBe(ExitCodes.Usage);
        originCli.Error.ToString().ShouldContain("--browser");

        var (noService, noServiceCli) = await RunAsync("keys", "create");
        noService.ShouldBe(ExitCodes.Usage);
        noServiceCli.Error.ToString().ShouldContain("--service");
        File.Exists(Path.Combine(_data, "keys.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task ListingAnEmptyKeysFileSaysHowToCreateOne()
    {
        var (exit, cli) = await RunAsync("keys", "list");
        exit.ShouldBe(ExitCodes.Ok);
        cli.Out.ToString().ShouldContain("obs keys create");
    }
}
