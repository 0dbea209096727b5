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
    private readonly INotificationSink _sink;
    private readonly AlertMutes _mutes;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private int _historyFailures;

    /// <summary>Creates the runner.</summary>
    public RuleRunner(IRuleEvaluator evaluator, IAlertStateStore store, INotificationSink sink, AlertMutes mutes,
        TimeProvider clock, ILogger logger)
    {
        _evaluator = evaluator;
        _store = store;
        _sink = sink;
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
        var existing = (await _store.ListAsync(rule.Name, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.State.Group, StringComparer.Ordinal);
        var results = evaluation.Groups.ToDictionary(g => g.Key, StringComparer.Ordinal);
        var transitions = new List<StateTransition>();
        var finalStates = new List<AlertState>();
        var conflicts = 0;
        foreach (var key in results.Keys.Union(existing.Keys, StringComparer.Ordinal))
        {
            results.TryGetValue(key, out var result);
            var current = existing.TryGetValue(key, out var found)
                ? found
                : new VersionedState(AlertState.New(rule, key, result?.Service), null);
            for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
            {
                var muted = _mutes.Reason(rule.Name, key, result?.Service ?? current.State.Service, now) is not null;
                var t = AlertStateMachine.Next(rule, current.State, result, now, muted, DefaultEscalateAfter);
                if (!t.Changed)
                {
                    break;
                }

                var next = t.Next with { UpdatedAt = now, UpdatedBy = Instance };
                if (await _store.TryWriteAsync(next, current.Version, cancellationToken).ConfigureAwait(false))
                {
                    current = current with { State = next };
                    transitions.Add(t with { Next = next });
                    await AfterWriteAsync(rule, evaluation, result, t with { Next = next }, now, cancellationToken).ConfigureAwait(false);
                    break;
                }

                // Another instance changed the alert first: it owns that change and its notification.
                // Re-read and re-apply, which normally finds nothing left to do.
                conflicts++;
                current = await _store.GetAsync(current.State.Id, cancellationToken).ConfigureAwait(false)
                    ?? new VersionedState(AlertState.New(rule, key, result?.Service), null);
            }

            finalStates.Add(current.State);
        }

        if (rule.Type == RuleType.Absence)
        {
            _mutes.Inhibition.Update(rule.Name, finalStates);
        }

        return new RunReport { Rule = rule.Name, Groups = results.Count, Transitions = transitions, Conflicts = conflicts };
    }

    private async Task AfterWriteAsync(AlertRule rule, RuleEvaluation evaluation, GroupResult? result, StateTransition t,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (t.Notify is { } kind)
        {
            await _sink.PublishAsync(new AlertNotification
            {
                Kind = kind,
                Rule = rule,
                State = t.Next,
                Group = result,
                Evaluation = evaluation,
                At = now,
            }, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await _store.AppendHistoryAsync(new AlertHistoryEntry
            {
                Timestamp = now,
                Rule = rule.Name,
                Group = t.Next.Group,
                Service = t.Next.Service,
                Status = t.Next.Status,
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
