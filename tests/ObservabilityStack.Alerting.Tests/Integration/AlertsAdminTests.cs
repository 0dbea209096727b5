using Microsoft.Extensions.Logging.Abstractions;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Jobs;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Alerting.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Alerting.Tests.Integration;

/// <summary>What obs alerts list/test/silence/ack do, against the emulator.</summary>
public sealed class AlertsAdminTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Now);
    private readonly AlertingStoreNames _names = new() { StateIndex = $"state-{Guid.NewGuid():N}", SilenceIndex = $"silences-{Guid.NewGuid():N}" };
    private readonly AlertRule _rule = SomeRule.Http5xx(threshold: 5, services: ["shop-api", "crm-api"]) with { EscalateAfter = TimeSpan.FromMinutes(15) };
    private EmulatorFixture _es = null!;
    private AlertsAdmin _admin = null!;

    public async Task InitializeAsync()
    {
        _es = await EmulatorFixture.StartAsync();
        await _es.SeedAsync(Enumerable.Range(1, 40).SelectMany(i => new[]
        {
            EmulatorFixture.Doc("shop-api", Now.AddSeconds(-i * 3), status: i % 4 == 0 ? 503 : 200, path: "/orders"),
            EmulatorFixture.Doc("crm-api", Now.AddSeconds(-i * 3), status: 200, path: "/customers"),
        }));
        _admin = new AlertsAdmin(_es.Client, new RuleSet { Rules = [_rule] }, _names, _clock, new Uri("http://kibana:5601"));
    }

    [Fact]
    public async Task TestExplainsTheVerdictPerGroupAndShowsTheEmailWithoutSendingOrStoringAnything()
    {
        var result = await _admin.TestAsync(_rule.Name);

        var shop = result.Verdicts.Single(v => v.Group == "shop-api");
        shop.Value.ShouldBe("25%");
        shop.Verdict.ShouldBe("would send firing");
        shop.Email!.Subject.ShouldBe("[FIRING critical] shop-api: 5xx 25% over 5m (threshold 5%)");
        result.Verdicts.Single(v => v.Group == "crm-api").Verdict.ShouldBe("quiet");
        (await _admin.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task TestAtAnEarlierTimeEvaluatesThatWindow()
    {
        var result = await _admin.TestAsync(_rule.Name, Now.AddHours(-1));

        result.Verdicts.ShouldBeEmpty();
        result.Evaluation.Range.To.ShouldBe(Now.AddHours(-1));
    }

    [Fact]
    public async Task AckMarksTheAlertSoItDoesNotEscalateAndListShowsIt()
    {
        var sink = new CapturingSink();
        var store = new ElasticsearchAlertStateStore(_es.Client, _names, NullLogger.Instance);
        using var mutes = new AlertMutes(store, () => RuleSet.Empty, new InhibitionIndex());
        var runner = new RuleRunner(new ElasticsearchRuleEvaluator(_es.Client), store, sink, mutes, _clock, NullLogger.Instance);
        await store.EnsureCreatedAsync();
        await runner.RunAsync(_rule);

        var acked = await _admin.AckAsync(_rule.Name, null, "ana");
        _clock.Advance(TimeSpan.FromMinutes(16));
        await _es.SeedAsync([EmulatorFixture.Doc("shop-api", Now.AddMinutes(15), status: 503, path: "/orders")]);
        await runner.RunAsync(_rule with { Window = TimeSpan.FromMinutes(30) });

        acked.AckedBy.ShouldBe("ana");
        sink.Published.ShouldNotContain(n => n.Kind == NotificationKind.Escalation);
        var listed = (await _admin.ListAsync()).ShouldHaveSingleItem();
        listed.State.AckedBy.ShouldBe("ana");
        listed.State.Status.ShouldBe(AlertStatus.Firing);
    }

    [Fact]
    public async Task SilenceStoresASilenceThatTestThenReports()
    {
        var silence = await _admin.SilenceAsync(_rule.Name, TimeSpan.FromHours(2), "shop-api", "deploy");

        silence.EndsAt.ShouldBe(Now.AddHours(2));
        var result = await _admin.TestAsync(_rule.Name);
        result.Verdicts.Single(v => v.Group == "shop-api").Verdict.ShouldStartWith("firing, muted (silenced until");
        await Should.ThrowAsync<ArgumentException>(() => _admin.SilenceAsync("no-such-rule", TimeSpan.FromHours(1)));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _es.DisposeAsync();
    }
}
