using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.State;

/// <summary>
/// The pure transition function Ok → Pending (<c>for</c>) → Firing (repeat, escalation) → Resolved.
/// Hysteresis: a firing alert resolves only once the value is back past <c>resolve_threshold</c>.
/// Muted alerts (silences, maintenance, inhibition) change state but send nothing, except the
/// resolved notice of an alert whose firing notice did go out, so no thread is left open.
/// </summary>
public static class AlertStateMachine
{
    /// <summary>Applies one evaluation result (null: the group had no data) to the previous state.</summary>
    public static StateTransition Next(AlertRule rule, AlertState previous, GroupResult? result, DateTimeOffset now,
        bool muted, TimeSpan? defaultEscalateAfter = null)
    {
        var breaching = result is { HasEnoughData: true } && Past(rule.Condition, result.Value, rule.Threshold);
        var s = previous with { LastValue = result?.Value ?? previous.LastValue, Threshold = rule.Threshold, Severity = rule.Severity };
        switch (previous.Status)
        {
            case AlertStatus.Ok or AlertStatus.Resolved when breaching:
                s = s with { ActiveSince = now, ResolvedAt = null, AckedAt = null, AckedBy = null, EscalatedAt = null, FiringNotified = false };
                return rule.For <= TimeSpan.Zero ? Fire(s, now, muted) : new StateTransition(s with { Status = AlertStatus.Pending }, null, true);
            case AlertStatus.Ok or AlertStatus.Resolved:
                return new StateTransition(previous, null, false);
            case AlertStatus.Pending when !breaching:
                return new StateTransition(s with { Status = AlertStatus.Ok, ActiveSince = null }, null, true);
            case AlertStatus.Pending:
                return now - (previous.ActiveSince ?? now) >= rule.For ? Fire(s, now, muted) : new StateTransition(previous, null, false);
        }

        // Firing.
        var recovered = result is null || !result.HasEnoughData
            || !Past(rule.Condition, result.Value, rule.EffectiveResolveThreshold);
        if (recovered)
        {
            var resolved = s with { Status = AlertStatus.Resolved, ResolvedAt = now };
            return new StateTransition(resolved, previous.FiringNotified ? NotificationKind.Resolved : null, true);
        }

        if (muted)
        {
            return new StateTransition(previous, null, false);
        }

        if (!previous.FiringNotified)
        {
            // Fired while muted; the mute is over and it still fires, so tell people now.
            return new StateTransition(s with { FiringNotified = true, LastNotifiedAt = now }, NotificationKind.Firing, true);
        }

        var escalateAfter = rule.EscalateAfter ?? defaultEscalateAfter;
        if (rule.Severity == Severity.Critical && previous.AckedAt is null && previous.EscalatedAt is null
            && escalateAfter is { } after && now - (previous.FiringSince ?? now) >= after)
        {
            return new StateTransition(s with { EscalatedAt = now }, NotificationKind.Escalation, true);
        }

        if (previous.AckedAt is null && now - (previous.LastNotifiedAt ?? now) >= rule.RepeatInterval)
        {
            return new StateTransition(s with { LastNotifiedAt = now }, NotificationKind.Repeat, true);
        }

        return new StateTransition(previous, null, false);
    }

    /// <summary>True when the value is on the bad side of the limit.</summary>
    public static bool Past(Comparison condition, double value, double limit) =>
        condition == Comparison.Above ? value > limit : value < limit;

    private static StateTransition Fire(AlertState s, DateTimeOffset now, bool muted)
    {
        var firing = s with { Status = AlertStatus.Firing, FiringSince = now, ResolvedAt = null };
        return muted
            ? new StateTransition(firing with { FiringNotified = false }, null, true)
            : new StateTransition(firing with { FiringNotified = true, LastNotifiedAt = now }, NotificationKind.Firing, true);
    }
}
