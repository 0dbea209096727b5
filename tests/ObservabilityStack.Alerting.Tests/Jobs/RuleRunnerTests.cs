using Microsoft.Extensions.Logging.Abstractions;
using ObservabilityStack.Alerting.Jobs;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Alerting.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Alerting.Tests.Jobs;

public sealed class RuleRunnerTests : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly InMemoryAlertStateStore _store = new();
    private readonly FakeEvaluator _evaluator = new();
    private readonly CapturingSink _sink = new();
    private readonly List<AlertMutes> _mutes = [];
    private RuleSet _rules = RuleSet.Empty;

    private AlertRule Rule { get; set; } = SomeRule.Http5xx(threshold: 5) with
    {
        For = TimeSpan.FromMinutes(1),
        RepeatInterval = TimeSpan.FromMinutes(30),
        ResolveThreshold = 2,
    };

    [Fact]
    public async Task AnAlertIsPendingUntilTheConditionHeldForTheForDuration()
    {
        var runner = NewRunner();
        _evaluator.Values["shop-api"] = 12.4;

        await runner.RunAsync(Rule);
        State().Status.ShouldBe(AlertStatus.Pending);
        _sink.Published.ShouldBeEmpty();

        _clock.Advance(TimeSpan.FromSeconds(30));
        await runner.RunAsync(Rule);
        _sink.Published.ShouldBeEmpty();

        _clock.Advance(TimeSpan.FromSeconds(30));
        await runner.RunAsync(Rule);
        State().Status.ShouldBe(AlertStatus.Firing);
        _sink.Published.ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.Firing);
    }

    [Fact]
    public async Task APendingAlertThatRecoversNeverFires()
    {
        var runner = NewRunner();
        _evaluator.Values["shop-api"] = 12.4;
        await runner.RunAsync(Rule);

        _evaluator.Values["shop-api"] = 1;
        _clock.Advance(TimeSpan.FromMinutes(2));
        await runner.RunAsync(Rule);

        State().Status.ShouldBe(AlertStatus.Ok);
        _sink.Published.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFiringAlertRepeatsAfterTheRepeatIntervalOnly()
    {
        var runner = NewRunner();
        Rule = Rule with { For = TimeSpan.Zero };
        _evaluator.Values["shop-api"] = 12.4;

        await runner.RunAsync(Rule);
        for (var i = 0; i < 29; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await runner.RunAsync(Rule);
        }

        _sink.Published.Count.ShouldBe(1);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await runner.RunAsync(Rule);

        _sink.Published.Select(n => n.Kind).ShouldBe([NotificationKind.Firing, NotificationKind.Repeat]);
    }

    [Fact]
    public async Task HysteresisKeepsAnAlertFiringBetweenTheResolveThresholdAndTheThreshold()
    {
        var runner = NewRunner();
        Rule = Rule with { For = TimeSpan.Zero };
        _evaluator.Values["shop-api"] = 12.4;
        await runner.RunAsync(Rule);

        _evaluator.Values["shop-api"] = 4;
        _clock.Advance(TimeSpan.FromMinutes(1));
        await runner.RunAsync(Rule);
        State().Status.ShouldBe(AlertStatus.Firing);

        _evaluator.Values["shop-api"] = 1.5;
        _clock.Advance(TimeSpan.FromMinutes(1));
        await runner.RunAsync(Rule);

        State().Status.ShouldBe(AlertStatus.Resolved);
        _sink.Published.Select(n => n.Kind).ShouldBe([NotificationKind.Firing, NotificationKind.Resolved]);
    }

    [Fact]
    public async Task AGroupThatStopsReportingDataResolves()
    {
        var runner = NewRunner();
        Rule = Rule with { For = TimeSpan.Zero };
        _evaluator.Values["shop-api"] = 12.4;
        await runner.RunAsync(Rule);

        _evaluator.Values.Clear();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await runner.RunAsync(Rule);

        _sink.Published.Last().Kind.ShouldBe(NotificationKind.Resolved);
    }

    [Fact]
    public async Task ARestartInTheMiddleOfAFiringAlertNeitherRepeatsNorForgetsTheResolution()
    {
        Rule = Rule with { For = TimeSpan.Zero };
        _evaluator.Values["shop-api"] = 12.4;
        await NewRunner().RunAsync(Rule);

        var restarted = NewRunner();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await restarted.RunAsync(Rule);
        _sink.Published.Count.ShouldBe(1);

        _evaluator.Values["shop-api"] = 0;
        _clock.Advance(TimeSpan.FromMinutes(1));
        await restarted.RunAsync(Rule);

        _sink.Published.Select(n => n.Kind).ShouldBe([NotificationKind.Firing, NotificationKind.Resolved]);
    }

    [Fact]
    public async Task TwoInstancesRacingOnTheSameAlertNotifyOnce()
    {
        Rule = Rule with { For = TimeSpan.Zero };
        _evaluator.Values["shop-api"] = 12.4;
        var a = NewRunner("a");
        var b = NewRunner("b");

        var reports = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).RunAsync(Rule)));

        _sink.Published.Count.ShouldBe(1);
        reports.Sum(r => r.Notifications).ShouldBe(1);
    }

    [Fact]
    public async Task ASilencedAlertFiresQuietlyAndNotifiesWhenTheSilenceEndsIfStillFiring()
    {
        Rule = Rule with { For = TimeSpan.Zero };
        _store.Silences.Add(new Silence { Rule = Rule.Name, GroupKey = "shop-api", StartsAt = _clock.GetUtcNow(), EndsAt = _clock.GetUtcNow().AddHours(2) });
        var runner = NewRunner();
        _evaluator.Values["shop-api"] = 12.4;

        await runner.RunAsync(Rule);
        State().Status.ShouldBe(AlertStatus.Firing);
        _sink.Published.ShouldBeEmpty();

        _clock.Advance(TimeSpan.FromHours(2));
        await runner.RunAsync(Rule);

        _sink.Published.ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.Firing);
    }

    [Fact]
    public async Task AMaintenanceWindowFromTheRulesFileMutesMatchingServices()
    {
        Rule = Rule with { For = TimeSpan.Zero };
        _rules = new RuleSet
        {
            MaintenanceWindows = [new MaintenanceWindow { Name = "noon", Services = ["shop-api"], Start = new TimeOnly(11, 30), Duration = TimeSpan.FromHours(1) }],
        };
        _evaluator.Values["shop-api"] = 12.4;

        await NewRunner().RunAsync(Rule);

        State().Status.ShouldBe(AlertStatus.Firing);
        _sink.Published.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFiringAbsenceAlertInhibitsTheOtherAlertsOfThatService()
    {
        var absence = SomeRule.Of(RuleType.Absence, "silent", "shop-api");
        Rule = Rule with { For = TimeSpan.Zero };
        var runner = NewRunner();
        _evaluator.Values["shop-api"] = 0;
        await runner.RunAsync(absence);
        _sink.Published.ShouldHaveSingleItem().Rule.Name.ShouldBe("silent");

        _evaluator.Values["shop-api"] = 12.4;
        await runner.RunAsync(Rule);

        _sink.Published.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnUnacknowledgedCriticalAlertEscalatesOnceAndAnAcknowledgedOneDoesNot()
    {
        Rule = Rule with { For = TimeSpan.Zero, EscalateAfter = TimeSpan.FromMinutes(15), RepeatInterval = TimeSpan.FromHours(4) };
        var runner = NewRunner();
        _evaluator.Values["shop-api"] = 12.4;
        _evaluator.Values["crm-api"] = 12.4;
        await runner.RunAsync(Rule);
        var crm = _store.All.Single(s => s.State.Group == "crm-api");
        (await _store.TryWriteAsync(crm.State with { AckedAt = _clock.GetUtcNow(), AckedBy = "ana" }, crm.Version)).ShouldBeTrue();

        _clock.Advance(TimeSpan.FromMinutes(15));
        await runner.RunAsync(Rule);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await runner.RunAsync(Rule);

        var escalations = _sink.Published.Where(n => n.Kind == NotificationKind.Escalation).ToList();
        escalations.ShouldHaveSingleItem().State.Group.ShouldBe("shop-api");
    }

    [Fact]
    public async Task EveryChangeIsRecordedInTheHistory()
    {
        Rule = Rule with { For = TimeSpan.Zero };
        _evaluator.Values["shop-api"] = 12.4;
        var runner = NewRunner();
        await runner.RunAsync(Rule);
        _evaluator.Values["shop-api"] = 0;
        await runner.RunAsync(Rule);

        _store.History.Select(h => (h.Status, h.Notification)).ShouldBe(
            [(AlertStatus.Firing, NotificationKind.Firing), (AlertStatus.Resolved, NotificationKind.Resolved)]);
    }

    [Fact]
    public async Task AHandedOffNotificationLeavesNoPendingIntentInTheState()
    {
        Rule = Rule with { For = TimeSpan.Zero };
        _evaluator.Values["shop-api"] = 12.4;

        await NewRunner().RunAsync(Rule);

        _sink.Published.ShouldHaveSingleItem();
        State().PendingNotification.ShouldBeNull();
        State().PendingSince.ShouldBeNull();
    }

    [Fact]
    public async Task ANotificationWhoseEngineDiedBeforeQueueingIsSentOnceByTheNextRunAfterTheGrace()
    {
        Rule = Rule with { For = TimeSpan.Zero };
        _evaluator.Values["shop-api"] = 12.4;
        var dying = new DyingSink();
        var crashed = NewRunner("crashed", dying);
        await Should.ThrowAsync<ProcessDiedException>(() => crashed.RunAsync(Rule));
        State().Status.ShouldBe(AlertStatus.Firing);
        State().PendingNotification.ShouldBe(NotificationKind.Firing);

        var survivor = NewRunner("survivor");
        _clock.Advance(TimeSpan.FromSeconds(20));
        await survivor.RunAsync(Rule);
        _sink.Published.ShouldBeEmpty();

        _clock.Advance(TimeSpan.FromMinutes(1));
        var report = await survivor.RunAsync(Rule);
        report.RecoveredNotifications.ShouldBe(1);
        _sink.Published.ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.Firing);
        State().PendingNotification.ShouldBeNull();

        _clock.Advance(TimeSpan.FromMinutes(5));
        await survivor.RunAsync(Rule);
        _sink.Published.Count.ShouldBe(1);
        dying.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task ALostResolvedNotificationIsRecoveredWithItsOwnKind()
    {
        Rule = Rule with { For = TimeSpan.Zero };
        _evaluator.Values["shop-api"] = 12.4;
        await NewRunner().RunAsync(Rule);

        _evaluator.Values["shop-api"] = 0;
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Should.ThrowAsync<ProcessDiedException>(() => NewRunner("crashed", new DyingSink()).RunAsync(Rule));
        State().Status.ShouldBe(AlertStatus.Resolved);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await NewRunner("survivor").RunAsync(Rule);

        _sink.Published.Select(n => n.Kind).ShouldBe([NotificationKind.Firing, NotificationKind.Resolved]);
    }

    private AlertState State() => _store.All.Single(s => s.State.Rule == Rule.Name).State;

    private RuleRunner NewRunner(string instance = "test", INotificationSink? sink = null)
    {
        var mutes = new AlertMutes(_store, () => _rules, new InhibitionIndex());
        _mutes.Add(mutes);
        return new RuleRunner(_evaluator, _store, sink ?? _sink, mutes, _clock, NullLogger.Instance) { Instance = instance };
    }

    public void Dispose() => _mutes.ForEach(m => m.Dispose());
}
