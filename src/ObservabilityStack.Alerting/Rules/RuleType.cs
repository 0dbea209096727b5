namespace ObservabilityStack.Alerting.Rules;

/// <summary>What a rule measures.</summary>
public enum RuleType
{
    /// <summary>Count or ratio of responses with chosen status codes (4xx, 5xx, or listed codes).</summary>
    HttpStatus,

    /// <summary>Requests per second over the window, with the top client IPs and paths.</summary>
    RequestRate,

    /// <summary>Occurrences of chosen <c>error.type</c> values, or of types not seen before.</summary>
    Exception,

    /// <summary>A service that stopped logging.</summary>
    Absence,

    /// <summary>Any query string with a count or metric threshold.</summary>
    Query,
}
