using Microsoft.Extensions.Logging;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Jobs;

/// <summary>
/// One run of one rule: evaluate, apply the state machine to each group, persist each change with a
/// conditional write, and publish a notification only for the writes this instance won.
/// </summary>
public sealed class RuleRunner
{
    private const int MaxWriteAttempts = 3;
    private readonly IRuleEvaluator _evaluator;
    private readonly IAlertStateStore _store;
    private readonly NotificationHandoff _handoff;
    private readonly AlertMutes _mutes;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private int _historyFailures;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Dictionary<string, VersionedState> States, DateTimeOffset LoadedAt)> _cache =
        new(StringComparer.Ordinal);

    /// <summary>Creates the runner.</summary>
    public RuleRunner(IRuleEvaluator evaluator, IAlertStateStore store, INotificationSink sink, AlertMutes mutes,
        TimeProvider clock, ILogger logger)
    {
        _evaluator = evaluator;
        _store = store;
        _handoff = new NotificationHandoff(store, sink);
        _mutes = mutes;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Name written into state documents (defaults to the machine and process).</summary>
    public string Instance { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Escalation delay for critical rules that set none. Null: no escalation.</summary>
    public TimeSpan? DefaultEscalateAfter { get; init; }

    /// <summary>Runs the rule once at the clock's current time.</summary>
    public async Task<RunReport> RunAsync(AlertRule rule, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var evaluation = await _evaluator.EvaluateAsync(rule, now, cancellationToken).ConfigureAwait(false);
        await _mutes.RefreshAsync(now, cancellationToken).ConfigureAwait(false);
        var existing = await StatesAsync(rule.Name, now, cancellationToken).ConfigureAwait(false);
        var results = evaluation.Groups.ToDictionary(g => g.Key, StringComparer.Ordinal);
        var transitions = new List<StateTransition>();
        var finalStates = new List<AlertState>();
        var finalStatesVersioned = new Dictionary<string, VersionedState>(StringComparer.Ordinal);
        var conflicts = 0;
        var recovered = 0;
        foreach (var key in results.Keys.Union(existing.Keys, StringComparer.Ordinal))
        {
            results.TryGetValue(key, out var result);
            var current = existing.TryGetValue(key, out var found)
                ? found
                : new VersionedState(AlertState.New(rule, key, result?.Service), null);
            if (NotificationHandoff.IsAbandoned(current.State, now, NotificationRecoveryGrace))
            {
                var pendingKind = current.State.PendingNotification;
                (current, var sent) = await _handoff.RecoverAsync(current, Instance,
                    s => Notification(rule, evaluation, result, s.PendingNotification!.Value, s, now), now, cancellationToken).ConfigureAwait(false);
                if (sent)
                {
                    recovered++;
                    _logger.LogWarning("Sent the {Kind} notification of {Rule}/{Group} that an engine decided but never queued",
                        pendingKind, rule.Name, key);
                }
            }

            for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
            {
                var muted = _mutes.Reason(rule.Name, key, result?.Service ?? current.State.Service, now) is not null;
                var t = AlertStateMachine.Next(rule, current.State, result, now, muted, DefaultEscalateAfter);
                if (!t.Changed)
                {
                    break;
                }

                var next = NotificationHandoff.WithIntent(t.Next with { UpdatedAt = now, UpdatedBy = Instance }, t.Notify, now);
                if (await _store.TryWriteAsync(next, current.Version, cancellationToken).ConfigureAwait(false))
                {
                    // Re-read state and version together (never our content with someone else's version).
                    current = await _store.GetAsync(next.Id, cancellationToken).ConfigureAwait(false) ?? new VersionedState(next, null);
                    transitions.Add(t with { Next = next });
                    if (t.Notify is { } kind)
                    {
                        current = await _handoff.CompleteAsync(current, Notification(rule, evaluation, result, kind, next, now), cancellationToken)
                            .ConfigureAwait(false);
                    }

                    await AppendHistoryAsync(rule, t with { Next = next }, now, cancellationToken).ConfigureAwait(false);
                    break;
                }

                // Another instance changed the alert first: it owns that change and its notification.
                // Re-read and re-apply, which normally finds nothing left to do.
                conflicts++;
                current = await _store.GetAsync(current.State.Id, cancellationToken).ConfigureAwait(false)
                    ?? new VersionedState(AlertState.New(rule, key, result?.Service), null);
            }

            finalStates.Add(current.State);
            finalStatesVersioned[key] = current;
        }

        _cache[rule.Name] = (finalStatesVersioned, _cache.TryGetValue(rule.Name, out var old) ? old.LoadedAt : now);
        if (rule.Type == RuleType.Absence)
        {
            _mutes.Inhibition.Update(rule.Name, finalStates);
        }

        return new RunReport
        {
            Rule = rule.Name, Groups = results.Count, Transitions = transitions, Conflicts = conflicts, RecoveredNotifications = recovered,
        };
    }

    /// <summary>
    /// Readies the engine before its first scheduled run: reads every alert state in one search (instead of one search
    /// per rule in the first cycle) and evaluates one rule of each type without acting on the result, so the code paths
    /// are compiled and the connections open before the schedule starts. Failures are logged, not thrown: the runs
    /// retry and report them.
    /// </summary>
    public async Task PrepareAsync(RuleSet set, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var all = await _store.ListAsync(null, cancellationToken).ConfigureAwait(false);
            if (all.Count < MaxPreloadedStates)
            {
                var byRule = all.GroupBy(s => s.State.Rule, StringComparer.Ordinal).ToDictionary(g => g.Key, ByGroup, StringComparer.Ordinal);
                foreach (var rule in set.Rules)
                {
                    _cache[rule.Name] = (byRule.GetValueOrDefault(rule.Name) ?? new Dictionary<string, VersionedState>(StringComparer.Ordinal), now);
                }
            }

            var samples = set.Rules.DistinctBy(r => r.Type).ToList();
            foreach (var rule in samples)
            {
                await _evaluator.EvaluateAsync(rule, now, cancellationToken).ConfigureAwait(false);
            }

            _logger.LogInformation("Prepared {Rules} rules in {Elapsed} ms: {States} alert states read in one search, {Types} rule types evaluated once",
                set.Rules.Count, watch.ElapsedMilliseconds, all.Count, samples.Count);
        }
        catch (ElasticsearchUnavailableException e)
        {
            _logger.LogWarning("Could not prepare the rules before the first runs: {Reason}", e.Message);
        }
    }

    /// <summary>States read in one search at start; with more, each rule reads its own on its first run.</summary>
    private const int MaxPreloadedStates = 10_000;

    /// <summary>
    /// How long a rule's states are served from memory before being re-read. Safe because every change
    /// is a conditional write: a stale version fails, and the runner re-reads and re-applies.
    /// </summary>
    public TimeSpan StateCacheTtl { get; init; } = TimeSpan.FromSeconds(30);

    private async Task<Dictionary<string, VersionedState>> StatesAsync(string rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(rule, out var cached) && now - cached.LoadedAt < StateCacheTtl)
        {
            return new Dictionary<string, VersionedState>(cached.States, StringComparer.Ordinal);
        }

        var states = ByGroup(await _store.ListAsync(rule, cancellationToken).ConfigureAwait(false));
        _cache[rule] = (states, now);
        return new Dictionary<string, VersionedState>(states, StringComparer.Ordinal);
    }

    private static Dictionary<string, VersionedState> ByGroup(IEnumerable<VersionedState> states) =>
        states.ToDictionary(s => s.State.Group, StringComparer.Ordinal);

    /// <summary>
    /// How old a notification intent must be before another run treats its writer as dead and sends it.
    /// Far longer than a hand-off takes (milliseconds), so a live instance is never doubled.
    /// </summary>
    public TimeSpan NotificationRecoveryGrace { get; init; } = TimeSpan.FromMinutes(1);

    private static AlertNotification Notification(AlertRule rule, RuleEvaluation evaluation, GroupResult? result, NotificationKind kind,
        AlertState state, DateTimeOffset now) => new()
        {
            Kind = kind,
            Rule = rule,
            State = state,
            Group = result,
            Evaluation = evaluation,
            At = now,
        };

    private async Task AppendHistoryAsync(AlertRule rule, StateTransition t, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await _store.AppendHistoryAsync(new AlertHistoryEntry
            {
                Timestamp = now,
                Rule = rule.Name,
                Group = t.Next.Group,
                Service = t.Next.Service,
                Status = t.Next.Status,
                Severity = rule.Severity,
                Notification = t.Notify,
                Value = t.Next.LastValue,
                Threshold = rule.Threshold,
                Instance = Instance,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ElasticsearchUnavailableException e)
        {
            // The state write succeeded; a missing history line must not undo or repeat the notification.
            Interlocked.Increment(ref _historyFailures);
            _logger.LogWarning("Alert history for {Rule}/{Group} not written: {Reason}", rule.Name, t.Next.Group, e.Message);
        }
    }

    /// <summary>History lines that could not be written (counted, shown on /health).</summary>
    public int HistoryFailures => Volatile.Read(ref _historyFailures);
}
