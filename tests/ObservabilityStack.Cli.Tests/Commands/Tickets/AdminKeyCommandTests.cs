using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Cli.Tests.Commands.Tickets;

/// <summary><c>obs keys create --admin</c>: the staff credential of <c>obs tickets</c>, stored hashed like every key.</summary>
public sealed class AdminKeyCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "obs-admin-key-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task AnAdminKeyIsPrintedOnceStoredHashedAndListedAsAdmin()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("keys", "create", "--admin", "--data", _data)).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        var key = cli.Out.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("obs_", StringComparison.Ordinal));
        (await File.ReadAllTextAsync(Path.Combine(_data, "keys.json"))).ShouldNotContain(key);
        var record = ApiKeys.Load(Path.Combine(_data, "keys.json")).Keys.ShouldHaveSingleItem();
        record.Admin.ShouldBeTrue();
        ApiKeys.Matches(record, key).ShouldBeTrue();

        var list = new CliHarness();
        (await list.RunAsync("keys", "list", "--data", _data)).ShouldBe(ExitCodes.Ok);
        list.Out.ToString().ShouldContain("admin");

        var mixed = new CliHarness();
        (await mixed.RunAsync("keys", "create", "--admin", "--service", "shop-api", "--data", _data)).ShouldBe(ExitCodes.Usage);
        mixed.Error.ToString().ShouldContain("--admin keys have no --service");
    }
}
