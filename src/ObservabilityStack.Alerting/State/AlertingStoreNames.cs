namespace ObservabilityStack.Alerting.State;

/// <summary>Names of the Elasticsearch indices the engine keeps its own data in.</summary>
public sealed record AlertingStoreNames
{
    /// <summary>Alert state, one document per rule and group. Default <c>.obs-alerts-state</c>.</summary>
    public string StateIndex { get; init; } = ".obs-alerts-state";

    /// <summary>Silences created with <c>obs alerts silence</c>. Default <c>.obs-alerts-silences</c>.</summary>
    public string SilenceIndex { get; init; } = ".obs-alerts-silences";

    /// <summary>
    /// History data stream. Default <c>obs-alerts-history</c>: inside the alerting role's <c>obs-alerts*</c>, outside
    /// <c>logs-*</c> (the engine must not be able to write logs), with its template in <c>elk/</c>.
    /// </summary>
    public string HistoryStream { get; init; } = "obs-alerts-history";
}
