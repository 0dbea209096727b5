using System.Globalization;
using System.Text;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// Date math in index and alias names: <c>&lt;logs-{now/d}&gt;</c>, <c>&lt;logs-{now-1d{yyyy.MM.dd}}&gt;</c>,
/// <c>&lt;logs_{2022-12-31||/d{yyyy-MM-dd}}&gt;</c>. Supports +/- offsets in y, M, w, d, h, H, m, s and rounding.
/// </summary>
internal static class DateMathNames
{
    public static string Resolve(string name, DateTimeOffset now)
    {
        if (name.Length < 2 || name[0] != '<' || name[^1] != '>')
        {
            return name;
        }

        var inner = name[1..^1];
        var result = new StringBuilder();
        var i = 0;
        while (i < inner.Length)
        {
            if (inner[i] != '{')
            {
                result.Append(inner[i++]);
                continue;
            }

            var end = ClosingBrace(inner, i);
            var expression = inner[(i + 1)..end];
            var format = "yyyy.MM.dd";
            var formatStart = expression.IndexOf('{', StringComparison.Ordinal);
            if (formatStart >= 0)
            {
                format = expression[(formatStart + 1)..^1];
                expression = expression[..formatStart];
            }

            result.Append(Evaluate(expression, now, name).ToString(format.Replace("YYYY", "yyyy", StringComparison.Ordinal), CultureInfo.InvariantCulture));
            i = end + 1;
        }

        return result.ToString();
    }

    private static int ClosingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        throw new EmulatorException(400, "invalid_index_name_exception", $"Invalid index name [{text}], date math expression is not closed");
    }

    private static DateTimeOffset Evaluate(string expression, DateTimeOffset now, string name)
    {
        DateTimeOffset value;
        string ops;
        if (expression.StartsWith("now", StringComparison.Ordinal))
        {
            value = now;
            ops = expression[3..];
        }
        else
        {
            var bars = expression.IndexOf("||", StringComparison.Ordinal);
            var anchor = bars < 0 ? expression : expression[..bars];
            if (!Mapping.DateFormats.TryParse(anchor, null, out var millis))
            {
                throw new EmulatorException(400, "invalid_index_name_exception", $"Invalid index name [{name}], cannot parse date math [{expression}]");
            }

            value = DateTimeOffset.FromUnixTimeMilliseconds(millis);
            ops = bars < 0 ? "" : expression[(bars + 2)..];
        }

        var i = 0;
        while (i < ops.Length)
        {
            var op = ops[i++];
            var digits = i;
            while (i < ops.Length && char.IsAsciiDigit(ops[i]))
            {
                i++;
            }

            var amount = i > digits ? int.Parse(ops.AsSpan(digits, i - digits), CultureInfo.InvariantCulture) : 1;
            var unit = i < ops.Length ? ops[i++] : 'd';
            value = op switch
            {
                '+' => Add(value, amount, unit),
                '-' => Add(value, -amount, unit),
                '/' => Round(value, unit),
                _ => throw new EmulatorException(400, "invalid_index_name_exception", $"Invalid index name [{name}], bad date math [{expression}]"),
            };
        }

        return value;
    }

    private static DateTimeOffset Add(DateTimeOffset value, int amount, char unit) => unit switch
    {
        'y' => value.AddYears(amount),
        'M' => value.AddMonths(amount),
        'w' => value.AddDays(7 * amount),
        'd' => value.AddDays(amount),
        'h' or 'H' => value.AddHours(amount),
        'm' => value.AddMinutes(amount),
        's' => value.AddSeconds(amount),
        _ => value,
    };

    private static DateTimeOffset Round(DateTimeOffset v, char unit) => unit switch
    {
        'y' => new DateTimeOffset(v.Year, 1, 1, 0, 0, 0, TimeSpan.Zero),
        'M' => new DateTimeOffset(v.Year, v.Month, 1, 0, 0, 0, TimeSpan.Zero),
        'w' => new DateTimeOffset(v.Date.AddDays(-(((int)v.DayOfWeek + 6) % 7)), TimeSpan.Zero),
        'd' => new DateTimeOffset(v.Year, v.Month, v.Day, 0, 0, 0, TimeSpan.Zero),
        'h' or 'H' => new DateTimeOffset(v.Year, v.Month, v.Day, v.Hour, 0, 0, TimeSpan.Zero),
        'm' => new DateTimeOffset(v.Year, v.Month, v.Day, v.Hour, v.Minute, 0, TimeSpan.Zero),
        _ => v,
    };
}
