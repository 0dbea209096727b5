using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Alerting;

/// <summary>
/// What <c>obs alerts list|test|silence|ack</c> do, as a library: read states, dry-run a rule against
/// current data, store a silence, acknowledge an alert (stopping repeats and escalation).
/// </summary>
public sealed class AlertsAdmin : IDisposable
{
    private readonly ElasticsearchClient _client;
    private readonly bool _ownsClient;
    private readonly RuleSet _rules;
    private readonly ElasticsearchAlertStateStore _store;
    private readonly TimeProvider _clock;
    private readonly Uri? _kibana;

    /// <summary>Creates the admin over a client (owned when <paramref name="ownsClient"/>).</summary>
    public AlertsAdmin(ElasticsearchClient client, RuleSet rules, AlertingStoreNames? names = null, TimeProvider? clock = null,
        Uri? kibana = null, bool ownsClient = false)
    {
        _client = client;
        _ownsClient = ownsClient;
        _rules = rules;
        _clock = clock ?? TimeProvider.System;
        _kibana = kibana;
        _store = new ElasticsearchAlertStateStore(client, names ?? new AlertingStoreNames(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>Every stored alert state, by rule then group, with why it is muted (if it is).</summary>
    public async Task<IReadOnlyList<(AlertState State, string? Muted)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var states = await _store.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var mutes = await MutesAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        return states.Select(s => (s.State, mutes.Reason(s.State.Rule, s.State.Group, s.State.Service, now)))
            .OrderBy(s => s.State.Rule, StringComparer.Ordinal).ThenBy(s => s.State.Group, StringComparer.Ordinal).ToList();
    }

    /// <summary>Evaluates a rule at <paramref name="at"/> (default now) and explains the verdict per group. Sends nothing.</summary>
    public async Task<RuleTestResult> TestAsync(string ruleName, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var rule = _rules.Find(ruleName) ?? throw new ArgumentException(
            $"No rule named '{ruleName}'. Rules: {string.Join(", ", _rules.Rules.Select(r => r.Name))}", nameof(ruleName));
        var when = at ?? _clock.GetUtcNow();
        var evaluation = await new ElasticsearchRuleEvaluator(_client).EvaluateAsync(rule, when, cancellationToken).ConfigureAwait(false);
        Dictionary<string, AlertState> states;
        string? note = null;
        AlertMutes? mutes = null;
        try
        {
            states = (await _store.ListAsync(rule.Name, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.State.Group, s => s.State);
            mutes = await MutesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ElasticsearchUnavailableException e)
        {
            states = [];
            note = $"stored alert state not read ({e.Message}); verdicts assume no alert is open";
        }

        var verdicts = new List<GroupVerdict>();
        foreach (var group in evaluation.Groups)
        {
            var previous = states.GetValueOrDefault(group.Key) ?? AlertState.New(rule, group.Key, group.Service);
            var muted = mutes?.Reason(rule.Name, group.Key, group.Service, when);
            var t = AlertStateMachine.Next(rule, previous, group, when, muted is not null);
            var breaching = group.HasEnoughData && AlertStateMachine.Past(rule.Condition, group.Value, rule.Threshold);
            var verdict = !group.HasEnoughData ? $"not enough data ({group.Total} events, min_requests {rule.MinRequests})"
                : t.Notify is { } kind ? $"would send {kind.ToString().ToLowerInvariant()}"
                : t.Next.Status == AlertStatus.Pending ? $"pending: must hold for {Durations.Format(rule.For)} before firing"
                : t.Next.Status == AlertStatus.Firing && muted is not null ? $"firing, muted ({muted})"
                : t.Next.Status == AlertStatus.Firing ? "firing, already notified"
                : breaching ? "breaching" : "quiet";
            var email = t.Notify is { } k
                ? DigestRenderer.Render(new AlertNotification { Kind = k, Rule = rule, State = t.Next, Group = group, Evaluation = evaluation, At = when }, _kibana)
                : null;
            verdicts.Add(new GroupVerdict(group.Key, AlertWording.Value(rule, group.Value), verdict, t.Next.Status, email));
        }

        return new RuleTestResult(evaluation, verdicts, note);
    }

    /// <summary>Stores a silence of a rule (optionally one group) from now for <paramref name="duration"/>.</summary>
    public async Task<Silence> SilenceAsync(string rule, TimeSpan duration, string? group = null, string? comment = null,
        CancellationToken cancellationToken = default)
    {
        if (rule != "*" && _rules.Find(rule) is null)
        {
            throw new ArgumentException($"No rule named '{rule}'.", nameof(rule));
        }

        var now = _clock.GetUtcNow();
        var silence = new Silence { Rule = rule, GroupKey = group, StartsAt = now, EndsAt = now + duration, Comment = comment };
        await _store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _store.AddSilenceAsync(silence, cancellationToken).ConfigureAwait(false);
        return silence;
    }

    /// <summary>Acknowledges an alert by id, or by rule name (and group when the rule has several open alerts).</summary>
    public async Task<AlertState> AckAsync(string alert, string? group, string by, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidates = (await _store.ListAsync(null, cancellationToken).ConfigureAwait(false))
                .Where(s => s.State.Id == alert || (s.State.Rule == alert && (group is null || s.State.Group == group)))
                .Where(s => s.State.Status is AlertStatus.Firing or AlertStatus.Pending)
                .ToList();
            var target = candidates.Count switch
            {
                0 => throw new ArgumentException($"No open alert matches '{alert}'{(group is null ? "" : $" group '{group}'")}. See obs alerts list.", nameof(alert)),
                1 => candidates[0],
                _ => throw new ArgumentException($"'{alert}' has {candidates.Count} open alerts ({string.Join(", ", candidates.Select(c => c.State.Group))}); pass --group or the alert id.", nameof(alert)),
            };
            var acked = target.State with { AckedAt = _clock.GetUtcNow(), AckedBy = by };
            if (await _store.TryWriteAsync(acked, target.Version, cancellationToken).ConfigureAwait(false))
            {
                return acked;
            }
        }

        throw new ElasticsearchUnavailableException("The alert kept changing while acknowledging it; try again.");
    }

    private async Task<AlertMutes> MutesAsync(CancellationToken cancellationToken)
    {
        var mutes = new AlertMutes(_store, () => _rules, new InhibitionIndex());
        await mutes.RefreshAsync(_clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return mutes;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }
}
