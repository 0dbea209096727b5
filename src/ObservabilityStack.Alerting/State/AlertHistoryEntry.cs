using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.State;

/// <summary>One line of alert history: a status change or a notification, appended to the history stream.</summary>
public sealed record AlertHistoryEntry
{
    /// <summary>When it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Rule name.</summary>
    public required string Rule { get; init; }

    /// <summary>Group key.</summary>
    public required string Group { get; init; }

    /// <summary>Service of the group, if any.</summary>
    public string? Service { get; init; }

    /// <summary>The status after the change.</summary>
    public required AlertStatus Status { get; init; }

    /// <summary>Severity of the rule (self-alerts are critical).</summary>
    public Severity Severity { get; init; } = Severity.Critical;

    /// <summary>The notification sent, if any.</summary>
    public NotificationKind? Notification { get; init; }

    /// <summary>The measured value.</summary>
    public double Value { get; init; }

    /// <summary>The threshold.</summary>
    public double Threshold { get; init; }

    /// <summary>Engine instance that made the change.</summary>
    public string? Instance { get; init; }
}
