namespace ObservabilityStack.Alerting.OnCall;

/// <summary>The on-call file: sender address, default escalation delay and teams.</summary>
public sealed record OnCallConfig
{
    /// <summary>No teams; receivers must be email addresses.</summary>
    public static OnCallConfig Empty { get; } = new();

    /// <summary>Sender address of alert emails. Default <c>alerts@observability.local</c>.</summary>
    public string From { get; init; } = "alerts@observability.local";

    /// <summary>Escalation delay for critical rules without their own <c>escalate_after</c>. Null: none.</summary>
    public TimeSpan? EscalateAfter { get; init; }

    /// <summary>Teams by name.</summary>
    public IReadOnlyList<Team> Teams { get; init; } = [];

    /// <summary>Finds a team by name (case-insensitive), or null.</summary>
    public Team? FindTeam(string name) => Teams.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
