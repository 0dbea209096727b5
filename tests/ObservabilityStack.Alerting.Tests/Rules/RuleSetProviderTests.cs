using Microsoft.Extensions.Logging.Abstractions;
using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.Tests.Rules;

public sealed class RuleSetProviderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obs-rules-").FullName;

    [Fact]
    public void ABadEditKeepsTheLastGoodRulesAndReportsWhy()
    {
        var path = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(path, "rules:\n  - {name: a, type: absence, services: [s], receivers: [x]}\n");
        using var provider = new RuleSetProvider(path, NullLogger.Instance);

        File.WriteAllText(path, "rules:\n  - {name: a, type: absence, receivers: [x], window: soon}\n");
        provider.Reload().ShouldBeFalse();

        provider.Current.Rules.ShouldHaveSingleItem().Services.ShouldBe(["s"]);
        provider.LastErrors.ShouldContain(e => e.Field == "rules[0].window");
        provider.RejectedReloads.ShouldBe(1);

        File.WriteAllText(path, "rules:\n  - {name: b, type: absence, services: [t], receivers: [x]}\n");
        provider.Reload().ShouldBeTrue();
        provider.Current.Rules.ShouldHaveSingleItem().Name.ShouldBe("b");
        provider.LastErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEditIsPickedUpByTheWatcher()
    {
        var path = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(path, "rules:\n  - {name: a, type: absence, services: [s], receivers: [x]}\n");
        using var provider = new RuleSetProvider(path, NullLogger.Instance);
        var changed = new TaskCompletionSource<RuleSet>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Changed += (_, set) => changed.TrySetResult(set);
        provider.StartWatching(TimeSpan.FromMilliseconds(50));

        File.WriteAllText(path, "rules:\n  - {name: renamed, type: absence, services: [s], receivers: [x]}\n");

        var set = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        set.Rules.ShouldHaveSingleItem().Name.ShouldBe("renamed");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
