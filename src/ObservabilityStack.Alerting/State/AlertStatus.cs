namespace ObservabilityStack.Alerting.State;

/// <summary>Where an alert (one rule and group) is in its life.</summary>
public enum AlertStatus
{
    /// <summary>The condition does not hold.</summary>
    Ok,

    /// <summary>The condition holds but not yet for the rule's <c>for</c> duration.</summary>
    Pending,

    /// <summary>The alert is firing.</summary>
    Firing,

    /// <summary>The alert fired and is over.</summary>
    Resolved,
}
