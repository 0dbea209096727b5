namespace ObservabilityStack.Alerting.OnCall;

/// <summary>An on-call team: members taking turns, and whom to escalate to.</summary>
public sealed record Team
{
    /// <summary>Name used in rule receivers.</summary>
    public required string Name { get; init; }

    /// <summary>Members in rotation order.</summary>
    public IReadOnlyList<TeamMember> Members { get; init; } = [];

    /// <summary>When the first member's first shift began.</summary>
    public DateTimeOffset RotationStart { get; init; }

    /// <summary>Length of one shift. Default 7 days (weekly rotation).</summary>
    public TimeSpan RotationEvery { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Addresses an unacknowledged critical alert escalates to (besides the whole team).</summary>
    public IReadOnlyList<string> Escalation { get; init; } = [];

    /// <summary>The member on call at an instant (the first member before the rotation starts).</summary>
    public TeamMember? OnCallAt(DateTimeOffset now)
    {
        if (Members.Count == 0)
        {
            return null;
        }

        var shifts = now <= RotationStart ? 0 : (long)((now - RotationStart).Ticks / RotationEvery.Ticks);
        return Members[(int)(shifts % Members.Count)];
    }
}
