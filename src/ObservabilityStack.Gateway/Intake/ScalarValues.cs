using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>Reads the scalar values the gateway interprets (timestamp, level, id, service, environment).</summary>
internal static class ScalarValues
{
    private const long MaxEpochMs = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

    /// <summary>The value as a string when it is a JSON string, else null.</summary>
    public static string? String(ReadOnlySpan<byte> raw)
    {
        var reader = new Utf8JsonReader(raw);
        return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    /// <summary>ISO-8601 text (UTC assumed without an offset) or epoch milliseconds, as a number or digits.</summary>
    public static bool TryTimestamp(ReadOnlySpan<byte> raw, out DateTimeOffset value)
    {
        value = default;
        var reader = new Utf8JsonReader(raw);
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDouble(out var ms) && FromEpoch(ms, out value);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var text = reader.HasValueSequence || reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        if (text.Length > 0 && text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0)
        {
            return Utf8Parser.TryParse(text, out long digits, out var used) && used == text.Length && FromEpoch(digits, out value);
        }

        if (reader.TryGetDateTime(out var dt))
        {
            value = dt.Kind switch
            {
                DateTimeKind.Local => new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero),
                _ => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc), TimeSpan.Zero),
            };
            return true;
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value) && LooksIso(text);
    }

    // DateTimeOffset.TryParse is lenient ("1/2/3"); keep only ISO-looking input such as "2026-11-21 10:00:00Z".
    private static bool LooksIso(ReadOnlySpan<byte> text) =>
        text.Length >= 10 && text[4] == (byte)'-' && text[7] == (byte)'-';

    private static bool FromEpoch(double ms, out DateTimeOffset value)
    {
        value = default;
        if (double.IsNaN(ms) || ms < 0 || ms > MaxEpochMs)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
        return true;
    }

    /// <summary>A level given as a string or a syslog severity number.</summary>
    public static string? Level(ReadOnlySpan<byte> raw)
    {
        var reader = new Utf8JsonReader(raw);
        if (!reader.Read())
        {
            return null;
        }

        return reader.TokenType switch
        {
            JsonTokenType.String when !reader.ValueIsEscaped => LevelNames.Normalize(reader.ValueSpan),
            JsonTokenType.String => LevelNames.Normalize(System.Text.Encoding.UTF8.GetBytes(reader.GetString()!)),
            JsonTokenType.Number => LevelNames.Normalize(reader.ValueSpan),
            _ => null,
        };
    }
}
