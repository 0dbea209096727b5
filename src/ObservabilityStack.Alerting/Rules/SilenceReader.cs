using System.Globalization;

namespace ObservabilityStack.Alerting.Rules;

/// <summary>Reads silences and recurring maintenance windows from a rules file.</summary>
internal static class SilenceReader
{
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    public static Silence ReadSilence(YamlFieldReader r, int index)
    {
        var starts = Instant(r, "starts", required: true);
        var ends = Instant(r, "ends", required: true);
        if (starts is { } s && ends is { } e && e <= s)
        {
            r.Error(r.Raw("ends"), "ends", "must be after 'starts'");
        }

        return new Silence
        {
            Id = $"yaml-{index}",
            Rule = r.String("rule", required: true) ?? "*",
            GroupKey = r.String("group"),
            Service = r.String("service"),
            StartsAt = starts ?? DateTimeOffset.MinValue,
            EndsAt = ends ?? DateTimeOffset.MinValue,
            Comment = r.String("comment"),
        };
    }

    public static MaintenanceWindow ReadWindow(YamlFieldReader r)
    {
        var days = new List<DayOfWeek>();
        foreach (var day in r.StringList("days"))
        {
            if (Days.TryGetValue(day.ToLowerInvariant()[..Math.Min(3, day.Length)], out var d))
            {
                days.Add(d);
            }
            else
            {
                r.Error(r.Raw("days"), "days", $"'{day}' is not a weekday (mon, tue, ... sun)");
            }
        }

        var startText = r.String("start", required: true);
        var start = TimeOnly.MinValue;
        if (startText is not null && !TimeOnly.TryParseExact(startText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            r.Error(r.Raw("start"), "start", $"'{startText}' must be a time of day HH:mm");
        }

        var zone = TimeZoneInfo.Utc;
        var zoneText = r.String("timezone");
        if (zoneText is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneText, out zone))
        {
            r.Error(r.Raw("timezone"), "timezone", $"'{zoneText}' is not a known time zone (e.g. UTC, Europe/Berlin)");
            zone = TimeZoneInfo.Utc;
        }

        var duration = r.Duration("duration", allowZero: false);
        if (duration is null && r.Raw("duration") is null)
        {
            r.Error(null, "duration", "is required");
        }

        return new MaintenanceWindow
        {
            Name = r.String("name", required: true) ?? "",
            Rules = r.StringList("rules"),
            Services = r.StringList("services"),
            Days = days,
            Start = start,
            Duration = duration ?? TimeSpan.Zero,
            TimeZone = zone!,
        };
    }

    private static DateTimeOffset? Instant(YamlFieldReader r, string key, bool required)
    {
        var text = r.String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            r.Error(r.Raw(key), key, $"'{text}' is not a date and time (ISO 8601, e.g. 2026-11-21T22:00:00Z)");
            return null;
        }

        return value;
    }
}
