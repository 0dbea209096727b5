using Microsoft.Extensions.Logging.Abstractions;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Jobs;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Alerting.Tests.Support;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Alerting.Tests.Integration;

/// <summary>State in the emulator: a restart neither forgets nor re-sends; two instances send once.</summary>
public sealed class StateInElasticsearchTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Now);
    private readonly CapturingSink _sink = new();
    private readonly AlertingStoreNames _names = new() { StateIndex = $"state-{Guid.NewGuid():N}", SilenceIndex = $"silences-{Guid.NewGuid():N}" };
    private readonly List<IDisposable> _disposables = [];
    private EmulatorFixture _es = null!;

    public async Task InitializeAsync()
    {
        _es = await EmulatorFixture.StartAsync();
        await Store(_es.Client).EnsureCreatedAsync();
        await _es.SeedAsync(Enumerable.Range(1, 50).Select(i =>
            EmulatorFixture.Doc("shop-api", Now.AddSeconds(-i * 3), status: i % 2 == 0 ? 500 : 200, path: "/orders")));
    }

    [Fact]
    public async Task ARestartInTheMiddleOfAFiringAlertSendsNoDuplicateAndStillSendsTheResolution()
    {
        var rule = SomeRule.Http5xx(threshold: 5) with { RepeatInterval = TimeSpan.FromHours(1) };
        await NewInstance(_es.Client).RunAsync(rule);
        _sink.Published.ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.Firing);

        // A fresh process: new client, new store object, nothing in memory.
        using var client = new ElasticsearchClient(new ElasticsearchClientOptions { Url = _es.Url });
        var restarted = NewInstance(client);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await restarted.RunAsync(rule);
        _sink.Published.Count.ShouldBe(1);

        _clock.Advance(TimeSpan.FromMinutes(10));
        await restarted.RunAsync(rule);

        _sink.Published.Select(n => n.Kind).ShouldBe([NotificationKind.Firing, NotificationKind.Resolved]);
        var stored = (await Store(client).ListAsync(rule.Name)).ShouldHaveSingleItem().State;
        stored.Status.ShouldBe(AlertStatus.Resolved);
    }

    [Fact]
    public async Task AnEngineThatPreparesReadsEveryStateInOneSearchAndItsFirstRunsUseThem()
    {
        var firing = SomeRule.Http5xx(threshold: 5) with { RepeatInterval = TimeSpan.FromHours(1) };
        var quiet = SomeRule.Http5xx("api-5xx-quiet", threshold: 99);
        await NewInstance(_es.Client).RunAsync(firing);
        await NewInstance(_es.Client).RunAsync(quiet);
        _sink.Published.ShouldHaveSingleItem();

        // A fresh process prepares: one search for all states, then runs that know them (no conflict, no second email).
        using var client = new ElasticsearchClient(new ElasticsearchClientOptions { Url = _es.Url });
        var store = new CountingStateStore(Store(client));
        var restarted = NewInstance(client, "restarted", store: store);
        await restarted.PrepareAsync(new RuleSet { Rules = [firing, quiet] });
        _clock.Advance(TimeSpan.FromSeconds(10));
        var reports = new[] { await restarted.RunAsync(firing), await restarted.RunAsync(quiet) };

        store.Listed.ShouldBe([null]);
        reports.Sum(r => r.Conflicts).ShouldBe(0);
        _sink.Published.Count.ShouldBe(1);
        _clock.Advance(TimeSpan.FromMinutes(10));
        await restarted.RunAsync(firing);
        _sink.Published.Select(n => n.Kind).ShouldBe([NotificationKind.Firing, NotificationKind.Resolved]);
    }

    [Fact]
    public async Task PreparingWhileElasticsearchIsUnreachableLeavesTheRunsToRetryAndReport()
    {
        using var dead = new ElasticsearchClient(new ElasticsearchClientOptions { Url = new Uri("http://127.0.0.1:1"), MaxRetries = 0 });
        var runner = NewInstance(dead);

        await runner.PrepareAsync(new RuleSet { Rules = [SomeRule.Http5xx()] });

        await Should.ThrowAsync<ElasticsearchUnavailableException>(() => runner.RunAsync(SomeRule.Http5xx()));
    }

    [Fact]
    public async Task HistoryLandsInTheHistoryStreamAsTheEcsDocumentsTheAlertsDashboardReads()
    {
        await NewInstance(_es.Client).RunAsync(SomeRule.Http5xx(threshold: 5));

        await _es.Client.SendJsonAsync(HttpMethod.Post, "/obs-alerts-history/_refresh", null);
        var response = await _es.Client.SendJsonAsync(HttpMethod.Post, "/obs-alerts-history/_search", """{"query":{"match_all":{}}}""");
        using var doc = response.ToJsonDocument();
        var hit = doc.RootElement.GetProperty("hits").GetProperty("hits").EnumerateArray().ShouldHaveSingleItem();
        hit.GetProperty("_index").GetString().ShouldStartWith(".ds-obs-alerts-history");
        var source = hit.GetProperty("_source");
        source.GetProperty("event").GetProperty("action").GetString().ShouldBe("alert.firing");
        source.GetProperty("labels").GetProperty("rule").GetString().ShouldBe("api-5xx");
        source.GetProperty("labels").GetProperty("severity").GetString().ShouldBe("critical");
        source.GetProperty("labels").GetProperty("notification").GetString().ShouldBe("firing");
        source.GetProperty("service").GetProperty("name").GetString().ShouldBe("shop-api");
        source.GetProperty("message").GetString()!.ShouldContain("api-5xx / shop-api: firing");
    }

    [Fact]
    public async Task TwoInstancesSideBySideNotifyOnceThroughTheSeqNoLease()
    {
        var rule = SomeRule.Http5xx(threshold: 5);
        using var clientB = new ElasticsearchClient(new ElasticsearchClientOptions { Url = _es.Url });
        var a = NewInstance(_es.Client, "a");
        var b = NewInstance(clientB, "b");

        var reports = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).RunAsync(rule))));

        _sink.Published.Count.ShouldBe(1);
        reports.Sum(r => r.Notifications).ShouldBe(1);
    }

    [Fact]
    public async Task AStaleVersionIsRejectedByTheStore()
    {
        var store = Store(_es.Client);
        var state = AlertState.New(SomeRule.Http5xx(), "shop-api", "shop-api");
        (await store.TryWriteAsync(state, null)).ShouldBeTrue();
        (await store.TryWriteAsync(state, null)).ShouldBeFalse();
        var read = (await store.GetAsync(state.Id)).ShouldNotBeNull();

        (await store.TryWriteAsync(state with { Status = AlertStatus.Firing }, read.Version)).ShouldBeTrue();
        (await store.TryWriteAsync(state with { Status = AlertStatus.Ok }, read.Version)).ShouldBeFalse();
        (await store.GetAsync(state.Id))!.State.Status.ShouldBe(AlertStatus.Firing);
    }

    [Fact]
    public async Task ACliSilenceStoredInElasticsearchMutesTheAlert()
    {
        var store = Store(_es.Client);
        await store.AddSilenceAsync(new Silence { Rule = "api-5xx", StartsAt = Now.AddMinutes(-1), EndsAt = Now.AddHours(2), Comment = "deploy" });

        await NewInstance(_es.Client).RunAsync(SomeRule.Http5xx(threshold: 5));

        _sink.Published.ShouldBeEmpty();
        (await store.ListAsync("api-5xx")).ShouldHaveSingleItem().State.Status.ShouldBe(AlertStatus.Firing);
    }

    [Fact]
    public async Task AnEngineKilledBetweenItsStateWriteAndItsOutboxHasTheEmailSentOnceByTheNextInstance()
    {
        var rule = SomeRule.Http5xx(threshold: 5) with { RepeatInterval = TimeSpan.FromHours(1) };
        await Should.ThrowAsync<ProcessDiedException>(() => NewInstance(_es.Client, "killed", new DyingSink()).RunAsync(rule));
        var stored = (await Store(_es.Client).ListAsync(rule.Name)).ShouldHaveSingleItem().State;
        stored.Status.ShouldBe(AlertStatus.Firing);
        stored.PendingNotification.ShouldBe(NotificationKind.Firing);

        using var client = new ElasticsearchClient(new ElasticsearchClientOptions { Url = _es.Url });
        var restarted = NewInstance(client, "restarted");
        _clock.Advance(TimeSpan.FromMinutes(2));
        await restarted.RunAsync(rule);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await restarted.RunAsync(rule);

        _sink.Published.ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.Firing);
        (await Store(client).ListAsync(rule.Name)).ShouldHaveSingleItem().State.PendingNotification.ShouldBeNull();
    }

    private ElasticsearchAlertStateStore Store(ElasticsearchClient client) => new(client, _names, NullLogger.Instance);

    private RuleRunner NewInstance(ElasticsearchClient client, string name = "x", INotificationSink? sink = null, IAlertStateStore? store = null)
    {
        store ??= Store(client);
        var mutes = new AlertMutes(store, () => RuleSet.Empty, new InhibitionIndex());
        _disposables.Add(mutes);
        return new RuleRunner(new ElasticsearchRuleEvaluator(client), store, sink ?? _sink, mutes, _clock, NullLogger.Instance) { Instance = name };
    }

    public async Task DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        await _es.DisposeAsync();
    }
}
