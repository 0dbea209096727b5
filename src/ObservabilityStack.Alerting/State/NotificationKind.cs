namespace ObservabilityStack.Alerting.State;

/// <summary>Why a notification is sent.</summary>
public enum NotificationKind
{
    /// <summary>The alert started firing.</summary>
    Firing,

    /// <summary>The alert is still firing after the repeat interval.</summary>
    Repeat,

    /// <summary>An unacknowledged critical alert is handed to the escalation contacts.</summary>
    Escalation,

    /// <summary>The alert is over.</summary>
    Resolved,

    /// <summary>The engine itself is failing (Elasticsearch or mail unreachable).</summary>
    SelfAlert,
}
