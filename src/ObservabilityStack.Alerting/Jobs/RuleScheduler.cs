using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using Quartz;

namespace ObservabilityStack.Alerting.Jobs;

/// <summary>
/// Keeps one Quartz job per rule in step with the rules file: adds, reschedules and removes jobs on
/// reload. Interval triggers start at a per-rule offset so many rules on one interval do not fire in
/// one burst; missed runs are skipped (and counted), never fired in a pile afterwards.
/// </summary>
public sealed class RuleScheduler : IHostedService, IDisposable
{
    private const string Group = "rules";
    private readonly ISchedulerFactory _factory;
    private readonly RuleSetProvider _rules;
    private readonly IAlertStateStore _store;
    private readonly EngineHealth _health;
    private readonly RuleRunner _runner;
    private readonly ILogger<RuleScheduler> _logger;
    private readonly Dictionary<string, string> _scheduled = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sync = new(1, 1);
    private IScheduler? _scheduler;

    /// <summary>Created by dependency injection.</summary>
    public RuleScheduler(ISchedulerFactory factory, RuleSetProvider rules, IAlertStateStore store, EngineHealth health, RuleRunner runner,
        ILogger<RuleScheduler> logger)
    {
        _factory = factory;
        _rules = rules;
        _store = store;
        _health = health;
        _runner = runner;
        _logger = logger;
    }

    /// <summary>A run later than this counts as missed. Default 5 seconds.</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Rules with a scheduled job.</summary>
    public int ScheduledRules => _scheduled.Count;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Evaluation.ElasticsearchUnavailableException e)
        {
            // Not fatal: runs retry, count failures and raise a self-alert while Elasticsearch is away.
            _logger.LogError("Could not prepare the alert state index: {Reason}", e.Message);
        }

        await _runner.PrepareAsync(_rules.Current, cancellationToken).ConfigureAwait(false);

        _scheduler = await _factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        _scheduler.ListenerManager.AddTriggerListener(new MisfireCounter(_health), [GroupMatcher<TriggerKey>.GroupEquals(Group)]);
        await SyncAsync(_rules.Current, cancellationToken).ConfigureAwait(false);
        _rules.Changed += OnRulesChanged;
        await _scheduler.Start(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _rules.Changed -= OnRulesChanged;
        if (_scheduler is not null)
        {
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Brings the jobs in line with a rule set.</summary>
    public async Task SyncAsync(RuleSet set, CancellationToken cancellationToken = default)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("The scheduler has not started.");
        await _sync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wanted = set.Rules.ToDictionary(r => r.Name, Fingerprint, StringComparer.Ordinal);
            foreach (var name in _scheduled.Keys.Where(n => !wanted.TryGetValue(n, out var f) || f != _scheduled[n]).ToList())
            {
                await scheduler.DeleteJob(new JobKey(name, Group), cancellationToken).ConfigureAwait(false);
                _scheduled.Remove(name);
            }

            foreach (var rule in set.Rules.Where(r => !_scheduled.ContainsKey(r.Name)))
            {
                var job = JobBuilder.Create<RuleEvaluationJob>().WithIdentity(rule.Name, Group).Build();
                await scheduler.ScheduleJob(job, Trigger(rule), cancellationToken: cancellationToken).ConfigureAwait(false);
                _scheduled[rule.Name] = wanted[rule.Name];
            }

            _logger.LogInformation("{Count} alert rules scheduled", _scheduled.Count);
        }
        finally
        {
            _sync.Release();
        }
    }

    private ITrigger Trigger(AlertRule rule)
    {
        var builder = TriggerBuilder.Create(TimeProvider.System).WithIdentity(rule.Name, Group).ForJob(rule.Name, Group)
            .WithMisfireThreshold(MisfireThreshold);
        if (rule.Cron is not null)
        {
            return builder.WithSchedule(CronScheduleBuilder.Create(rule.Cron).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .StartNow().Build();
        }

        // Spread rules over their interval by an offset derived from the name, the same in every process and after
        // every restart (string.GetHashCode is randomised per process).
        var offset = TimeSpan.FromMilliseconds(StableHash(rule.Name) % (uint)Math.Max(1, rule.Interval.TotalMilliseconds));
        return builder.WithSchedule(SimpleScheduleBuilder.Create().WithInterval(rule.Interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .StartAt(TimeProvider.System.GetUtcNow() + offset).Build();
    }

    /// <summary>FNV-1a over the name's UTF-16 code units.</summary>
    internal static uint StableHash(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static string Fingerprint(AlertRule rule) => rule.Cron ?? rule.Interval.ToString();

    private void OnRulesChanged(object? sender, RuleSet set) =>
        _ = SyncAsync(set).ContinueWith(t => _logger.LogError(t.Exception, "Rescheduling after a rules reload failed"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <inheritdoc/>
    public void Dispose() => _sync.Dispose();
}
