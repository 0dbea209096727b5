using Microsoft.Extensions.Logging.Abstractions;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Jobs;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Alerting.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Alerting.Tests.Integration;

/// <summary>Each rule type against the emulator with seeded data: fires, stays quiet below threshold, resolves.</summary>
public sealed class RuleTypesAgainstEmulatorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Now);
    private readonly CapturingSink _sink = new();
    private EmulatorFixture _es = null!;
    private RuleRunner _runner = null!;
    private AlertMutes _mutes = null!;

    public async Task InitializeAsync()
    {
        _es = await EmulatorFixture.StartAsync();
        var store = new ElasticsearchAlertStateStore(_es.Client, new AlertingStoreNames { StateIndex = $"state-{Guid.NewGuid():N}" }, NullLogger.Instance);
        await store.EnsureCreatedAsync();
        _mutes = new AlertMutes(store, () => RuleSet.Empty, new InhibitionIndex());
        _runner = new RuleRunner(new ElasticsearchRuleEvaluator(_es.Client), store, _sink, _mutes, _clock, NullLogger.Instance);
    }

    [Fact]
    public async Task AnHttpStatusRuleFiresForTheServiceOverTheRatioStaysQuietForTheOtherAndResolves()
    {
        var docs = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 100; i++)
        {
            docs.Add(EmulatorFixture.Doc("shop-api", Now.AddSeconds(-1 - i * 2), status: i < 20 ? 503 : 200, path: i < 20 ? "/orders" : "/catalog"));
            docs.Add(EmulatorFixture.Doc("crm-api", Now.AddSeconds(-1 - i * 2), status: i < 1 ? 500 : 200, path: "/customers"));
        }

        await _es.SeedAsync(docs);
        var rule = SomeRule.Http5xx(threshold: 5, services: ["shop-api", "crm-api"]);

        var fired = await _runner.RunAsync(rule);

        fired.Groups.ShouldBe(2);
        var n = _sink.Published.ShouldHaveSingleItem();
        n.State.Group.ShouldBe("shop-api");
        n.Group!.Value.ShouldBe(20, tolerance: 0.001);
        n.Group.Top["url.path"][0].Value.ShouldBe("/orders");
        n.Group.Samples.ShouldNotBeEmpty();
        n.Evaluation!.Groups.Single(g => g.Key == "crm-api").Value.ShouldBe(1, tolerance: 0.001);

        _clock.Advance(TimeSpan.FromMinutes(6));
        await _runner.RunAsync(rule);

        _sink.Published.Last().Kind.ShouldBe(NotificationKind.Resolved);
        _sink.Published.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ARequestRateRuleFiresOnAFloodWithTheTopClientIpAndIgnoresNormalTraffic()
    {
        var docs = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 600; i++)
        {
            docs.Add(EmulatorFixture.Doc("shop-frontend", Now.AddMilliseconds(-1 - i * 90), status: 200, path: "/", clientIp: i % 10 == 0 ? "10.0.0.2" : "203.0.113.9"));
        }

        for (var i = 0; i < 30; i++)
        {
            docs.Add(EmulatorFixture.Doc("crm-frontend", Now.AddSeconds(-i * 2), status: 200, path: "/", clientIp: "10.0.0.3"));
        }

        await _es.SeedAsync(docs);
        var rule = SomeRule.Of(RuleType.RequestRate, "flood", "shop-frontend", "crm-frontend") with { Window = TimeSpan.FromMinutes(1), Threshold = 5 };

        await _runner.RunAsync(rule);

        var n = _sink.Published.ShouldHaveSingleItem();
        n.State.Group.ShouldBe("shop-frontend");
        n.Group!.Value.ShouldBe(10, tolerance: 0.001);
        n.Group.Top["client.ip"][0].ShouldBe(new TopItem("203.0.113.9", 540));

        _clock.Advance(TimeSpan.FromMinutes(2));
        await _runner.RunAsync(rule);
        _sink.Published.Last().Kind.ShouldBe(NotificationKind.Resolved);
    }

    [Fact]
    public async Task AnExceptionRuleFiresPerChosenTypeWithSampleMessagesAndIgnoresOtherTypes()
    {
        await _es.SeedAsync([
            EmulatorFixture.Doc("shop-api", Now.AddMinutes(-1), errorType: "System.TimeoutException"),
            EmulatorFixture.Doc("shop-api", Now.AddMinutes(-2), errorType: "System.TimeoutException"),
            EmulatorFixture.Doc("shop-api", Now.AddMinutes(-2), errorType: "System.ArgumentException"),
        ]);
        var rule = SomeRule.Of(RuleType.Exception, "critical-exceptions") with { ErrorTypes = ["System.TimeoutException", "System.OutOfMemoryException"] };

        await _runner.RunAsync(rule);

        var n = _sink.Published.ShouldHaveSingleItem();
        n.State.Group.ShouldBe("shop-api/System.TimeoutException");
        n.Group!.Value.ShouldBe(2);
        n.Group.Samples[0].ShouldContain("System.TimeoutException happened");

        _clock.Advance(TimeSpan.FromMinutes(6));
        await _runner.RunAsync(rule);
        _sink.Published.Last().Kind.ShouldBe(NotificationKind.Resolved);
    }

    [Fact]
    public async Task ANewExceptionTypesRuleFiresOnlyForTypesUnseenInTheLookback()
    {
        await _es.SeedAsync([
            EmulatorFixture.Doc("shop-api", Now.AddDays(-2), errorType: "KnownException"),
            EmulatorFixture.Doc("shop-api", Now.AddMinutes(-1), errorType: "KnownException"),
            EmulatorFixture.Doc("shop-api", Now.AddMinutes(-1), errorType: "BrandNewException"),
        ]);
        var rule = SomeRule.Of(RuleType.Exception, "new-types") with { NewTypesOnly = true };

        await _runner.RunAsync(rule);

        _sink.Published.ShouldHaveSingleItem().State.Group.ShouldBe("shop-api/BrandNewException");
    }

    [Fact]
    public async Task AnAbsenceRuleFiresForTheSilentServiceOnlyAndResolvesWhenItLogsAgain()
    {
        await _es.SeedAsync([EmulatorFixture.Doc("shop-api", Now.AddMinutes(-1), status: 200, path: "/")]);
        var rule = SomeRule.Of(RuleType.Absence, "silent", "shop-api", "mes-api");

        await _runner.RunAsync(rule);

        _sink.Published.ShouldHaveSingleItem().State.Group.ShouldBe("mes-api");

        await _es.SeedAsync([EmulatorFixture.Doc("mes-api", Now.AddSeconds(30), status: 200, path: "/")]);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _runner.RunAsync(rule);

        _sink.Published.Last().Kind.ShouldBe(NotificationKind.Resolved);
        _sink.Published.Last().State.Group.ShouldBe("mes-api");
    }

    [Fact]
    public async Task AQueryRuleCountsMatchingDocumentsAgainstItsThreshold()
    {
        var docs = Enumerable.Range(1, 3).Select(i => EmulatorFixture.Doc("mes-api", Now.AddMinutes(-i), action: "order.failed")).ToList();
        docs.Add(EmulatorFixture.Doc("crm-api", Now.AddMinutes(-1), action: "order.failed"));
        docs.Add(EmulatorFixture.Doc("crm-api", Now.AddMinutes(-1), action: "order.created"));
        await _es.SeedAsync(docs);
        var rule = SomeRule.Of(RuleType.Query, "order-failures", "mes-api", "crm-api") with { Query = "event.action:\"order.failed\"", Threshold = 2 };

        await _runner.RunAsync(rule);

        var n = _sink.Published.ShouldHaveSingleItem();
        n.State.Group.ShouldBe("mes-api");
        n.Group!.Value.ShouldBe(3);
    }

    public async Task DisposeAsync()
    {
        _mutes.Dispose();
        await _es.DisposeAsync();
    }
}
