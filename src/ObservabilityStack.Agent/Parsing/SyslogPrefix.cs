using System.Globalization;

namespace ObservabilityStack.Agent.Parsing;

/// <summary>
/// The BSD syslog line prefix <c>Nov 21 10:00:00 host program[pid]: text</c>. The year is not written,
/// so it is this year unless that would put the line more than a day in the future (a December line read
/// in January).
/// </summary>
internal readonly record struct SyslogPrefix(string Timestamp, string Host, string Program, string? Pid, string Text)
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    // Syslog pads single-digit days with a space ("Nov  1").
    private static bool TryNumber(ReadOnlySpan<char> two, out int value)
    {
        value = 0;
        foreach (var c in two)
        {
            if (c == ' ' && value == 0)
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    public static SyslogPrefix? TryParse(string line, TimeProvider clock)
    {
        if (line.Length < 16 || line[3] != ' ' || line[6] != ' ' || line[9] != ':' || line[12] != ':' || line[15] != ' ')
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var month = Array.IndexOf(Months, line[..3]) + 1;
        if (month == 0 || !TryNumber(line.AsSpan(4, 2), out var day) || !TryNumber(line.AsSpan(7, 2), out var hour)
            || !TryNumber(line.AsSpan(10, 2), out var minute) || !TryNumber(line.AsSpan(13, 2), out var second)
            || day < 1 || day > DateTime.DaysInMonth(now.Year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var at = new DateTime(now.Year, month, day, hour, minute, second, DateTimeKind.Utc);
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
