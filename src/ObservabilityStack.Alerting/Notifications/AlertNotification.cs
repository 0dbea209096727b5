using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Notifications;

/// <summary>Something to tell people: an alert firing, repeating, escalating or resolved, or a self-alert.</summary>
public sealed record AlertNotification
{
    /// <summary>Why it is sent.</summary>
    public required NotificationKind Kind { get; init; }

    /// <summary>The rule (for self-alerts a synthetic one naming the engine).</summary>
    public required AlertRule Rule { get; init; }

    /// <summary>The alert's state after the change.</summary>
    public required AlertState State { get; init; }

    /// <summary>The group's current measurement; null when the group had no data (resolved by silence).</summary>
    public GroupResult? Group { get; init; }

    /// <summary>The whole evaluation, for the table of top groups and the Discover link.</summary>
    public RuleEvaluation? Evaluation { get; init; }

    /// <summary>When the notification was decided.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Free text for self-alerts (what failed and how often).</summary>
    public string? Detail { get; init; }
}
