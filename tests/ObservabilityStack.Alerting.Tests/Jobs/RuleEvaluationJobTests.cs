using Microsoft.Extensions.Logging.Abstractions;
using ObservabilityStack.Alerting.Jobs;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Alerting.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Alerting.Tests.Jobs;

public sealed class RuleEvaluationJobTests : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly InMemoryAlertStateStore _store = new();
    private readonly FakeEvaluator _evaluator = new();
    private readonly CapturingSink _sink = new();
    private readonly EngineHealth _health = new();
    private readonly AlertMutes _mutes;
    private readonly RuleEvaluationJob _job;
    private readonly SelfMonitor _self;

    public RuleEvaluationJobTests()
    {
        _mutes = new AlertMutes(_store, () => RuleSet.Empty, new InhibitionIndex());
        var runner = new RuleRunner(_evaluator, _store, _sink, _mutes, _clock, NullLogger.Instance);
        _self = new SelfMonitor(_sink, _store, _clock, ["platform"], NullLogger.Instance) { Threshold = 3 };
        _job = new RuleEvaluationJob(new RuleSetProvider(RuleSet.Empty, NullLogger.Instance), runner, _health, _self,
            NullLogger<RuleEvaluationJob>.Instance) { RetryDelays = [TimeSpan.Zero, TimeSpan.Zero] };
    }

    [Fact]
    public async Task ARunThatFindsElasticsearchDownIsRetriedThenCountedWithoutThrowing()
    {
        _evaluator.Down = true;

        await _job.RunAsync(SomeRule.Http5xx(), CancellationToken.None);

        _evaluator.Calls.ShouldBe(3);
        _health.Retries.ShouldBe(2);
        _health.FailedRuns.ShouldBe(1);
        _health.ConsecutiveStoreFailures.ShouldBe(1);
        _health.LastStoreError!.ShouldContain("connection refused");
    }

    [Fact]
    public async Task RepeatedFailuresRaiseOneSelfAlertAndRecoveryResolvesIt()
    {
        _evaluator.Down = true;
        for (var i = 0; i < 5; i++)
        {
            await _job.RunAsync(SomeRule.Http5xx(), CancellationToken.None);
        }

        var alert = _sink.Published.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(NotificationKind.SelfAlert);
        alert.Rule.Receivers.ShouldBe(["platform"]);
        alert.Detail!.ShouldContain("3 rule runs in a row");
        _self.StoreAlertActive.ShouldBeTrue();

        _evaluator.Down = false;
        await _job.RunAsync(SomeRule.Http5xx(), CancellationToken.None);

        _sink.Published.Last().Kind.ShouldBe(NotificationKind.Resolved);
        _self.StoreAlertActive.ShouldBeFalse();
        _health.ConsecutiveStoreFailures.ShouldBe(0);
    }

    [Fact]
    public async Task ASuccessfulRunCountsItsNotifications()
    {
        _evaluator.Values["shop-api"] = 50;

        await _job.RunAsync(SomeRule.Http5xx(), CancellationToken.None);

        _health.Runs.ShouldBe(1);
        _health.Notifications.ShouldBe(1);
    }

    public void Dispose() => _mutes.Dispose();
}
