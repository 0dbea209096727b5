namespace ObservabilityStack.Alerting.Rules;

/// <summary>What an <c>http_status</c> rule compares with its threshold.</summary>
public enum HttpStatusMeasure
{
    /// <summary>Matching responses as a percentage of all responses (0-100).</summary>
    Ratio,

    /// <summary>Number of matching responses in the window.</summary>
    Count,
}
