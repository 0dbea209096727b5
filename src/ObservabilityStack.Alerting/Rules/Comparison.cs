namespace ObservabilityStack.Alerting.Rules;

/// <summary>Which side of the threshold is bad.</summary>
public enum Comparison
{
    /// <summary>The alert fires while the value is above the threshold.</summary>
    Above,

    /// <summary>The alert fires while the value is below the threshold (absence rules).</summary>
    Below,
}
