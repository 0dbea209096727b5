namespace ObservabilityStack.Alerting.Rules;

/// <summary>How urgent an alert is; critical alerts reach the whole team and escalate.</summary>
public enum Severity
{
    /// <summary>For information only.</summary>
    Info,

    /// <summary>Needs attention during working hours.</summary>
    Warning,

    /// <summary>Needs attention now: the whole on-call team is told and unacknowledged alerts escalate.</summary>
    Critical,
}
