namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>Resolves Elasticsearch <c>time_zone</c> values (IANA ids, <c>UTC</c>, <c>+01:00</c>).</summary>
internal static class TimeZones
{
    /// <summary>The zone for <paramref name="id"/>, null for UTC or absent; throws a 400 when unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || id is "UTC" or "Z" or "Etc/UTC" or "GMT")
        {
            return null;
        }

        if (IsoDate.TryParseOffset(id, out var offset))
        {
            return offset == TimeSpan.Zero ? null : TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw EmulatorException.IllegalArgument($"Unknown time-zone ID: {id}");
        }
        catch (InvalidTimeZoneException)
        {
            throw EmulatorException.IllegalArgument($"Unknown time-zone ID: {id}");
        }
    }

    /// <summary>The local wall-clock time of <paramref name="millis"/> in <paramref name="zone"/>.</summary>
    public static DateTime ToLocal(long millis, TimeZoneInfo? zone)
    {
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        return (zone is null ? utc : TimeZoneInfo.ConvertTime(utc, zone)).DateTime;
    }

    /// <summary>Epoch millis of a local wall-clock time in <paramref name="zone"/>.</summary>
    public static long FromLocal(DateTime local, TimeZoneInfo? zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone is null ? TimeSpan.Zero : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUnixTimeMilliseconds();
    }
}
