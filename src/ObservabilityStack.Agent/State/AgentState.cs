namespace ObservabilityStack.Agent.State;

/// <summary>Read positions the gateway has acknowledged, by file identity.</summary>
public sealed record AgentState
{
    /// <summary>One entry per file ever read.</summary>
    public List<FilePosition> Files { get; init; } = [];
}
