using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Jobs;

/// <summary>What one run of a rule did: groups seen, state changes written, notifications sent, write conflicts lost.</summary>
public sealed record RunReport
{
    /// <summary>The rule.</summary>
    public required string Rule { get; init; }

    /// <summary>Groups evaluated (with data, or with an existing state).</summary>
    public int Groups { get; init; }

    /// <summary>State changes this instance persisted.</summary>
    public IReadOnlyList<StateTransition> Transitions { get; init; } = [];

    /// <summary>Conditional writes lost to another instance (the other instance notified).</summary>
    public int Conflicts { get; init; }

    /// <summary>Notifications another (crashed) run decided but never queued, which this run sent.</summary>
    public int RecoveredNotifications { get; init; }

    /// <summary>Notifications this instance published.</summary>
    public int Notifications => Transitions.Count(t => t.Notify is not null);
}
