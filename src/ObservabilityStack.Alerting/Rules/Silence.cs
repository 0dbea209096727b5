namespace ObservabilityStack.Alerting.Rules;

/// <summary>Mutes notifications of a rule (or all rules with <c>*</c>), optionally for one group or service.</summary>
public sealed record Silence
{
    /// <summary>Identifier (YAML silences get one from their position; CLI silences a random one).</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Rule name, or <c>*</c> for every rule.</summary>
    public required string Rule { get; init; }

    /// <summary>Only this group key; null for every group.</summary>
    public string? GroupKey { get; init; }

    /// <summary>Only alerts of this service; null for every service.</summary>
    public string? Service { get; init; }

    /// <summary>Start, inclusive.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>End, exclusive.</summary>
    public DateTimeOffset EndsAt { get; init; }

    /// <summary>Why, for the record.</summary>
    public string? Comment { get; init; }

    /// <summary>True when the silence covers this alert at this instant.</summary>
    public bool Matches(string rule, string groupKey, string? service, DateTimeOffset now) =>
        now >= StartsAt && now < EndsAt
        && (Rule == "*" || string.Equals(Rule, rule, StringComparison.Ordinal))
        && (GroupKey is null || string.Equals(GroupKey, groupKey, StringComparison.Ordinal))
        && (Service is null || string.Equals(Service, service, StringComparison.Ordinal));
}
