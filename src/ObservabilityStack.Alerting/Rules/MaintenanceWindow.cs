namespace ObservabilityStack.Alerting.Rules;

/// <summary>A recurring silence: on the given weekdays from <see cref="Start"/> for <see cref="Duration"/>.</summary>
public sealed record MaintenanceWindow
{
    /// <summary>Name shown in listings.</summary>
    public required string Name { get; init; }

    /// <summary>Rules covered; empty means every rule.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Services covered; empty means every service.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Weekdays the window opens on; empty means every day.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    /// <summary>Local start time of day.</summary>
    public TimeOnly Start { get; init; }

    /// <summary>How long the window stays open (may cross midnight).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Time zone of <see cref="Start"/>. Default UTC.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>True when the window is open for this alert at this instant.</summary>
    public bool Matches(string rule, string? service, DateTimeOffset now)
    {
        if ((Rules.Count > 0 && !Rules.Contains(rule)) || (Services.Count > 0 && (service is null || !Services.Contains(service))))
        {
            return false;
        }

        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        // The window may have opened yesterday (or earlier) and still be open: check each recent start.
        for (var daysBack = 0; daysBack <= Math.Ceiling(Duration.TotalDays); daysBack++)
        {
            var day = local.Date.AddDays(-daysBack);
            if (Days.Count > 0 && !Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var opens = new DateTimeOffset(day + Start.ToTimeSpan(), local.Offset);
            if (local >= opens && local < opens + Duration)
            {
                return true;
            }
        }

        return false;
    }
}
