using System.Globalization;

namespace ObservabilityStack.Agent.Parsing;

/// <summary>
/// The BSD syslog line prefix <c>Nov 21 10:00:00 host program[pid]: text</c>. The year is not written,
/// so it is this year unless that would put the line more than a day in the future (a December line read
/// in January).
/// </summary>
internal readonly record struct SyslogPrefix(string Timestamp, string Host, string Program, string? Pid, string Text)
{
    public static SyslogPrefix? TryParse(string line, TimeProvider clock)
    {
        if (line.Length < 16 || line[3] != ' ' || line[6] != ' ' || line[9] != ':' || line[12] != ':' || line[15] != ' ')
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var stamp = line[..15].Replace("  ", " 0", StringComparison.Ordinal);
        if (!DateTime.TryParseExact($"{now.Year} {stamp}", "yyyy MMM dd HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return null;
        }

        if (at > now.UtcDateTime.AddDays(1))
        {
            at = at.AddYears(-1);
        }

        var rest = line.AsSpan(16);
        var space = rest.IndexOf(' ');
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        if (space <= 0 || colon <= space)
        {
            return null;
        }

        var host = rest[..space].ToString();
        var tag = rest[(space + 1)..colon];
        var bracket = tag.IndexOf('[');
        var program = bracket > 0 ? tag[..bracket].ToString() : tag.ToString();
        var pid = bracket > 0 && tag[^1] == ']' ? tag[(bracket + 1)..^1].ToString() : null;
        return new SyslogPrefix(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), host, program, pid, rest[(colon + 2)..].ToString());
    }
}
