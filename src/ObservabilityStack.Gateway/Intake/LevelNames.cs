using ObservabilityStack.Elasticsearch.Ecs;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// A structured event's level (a JSON string or number) as one of ours. Level words are the ones plain log lines use
/// (<see cref="LogLineFields.NormalizeLevel"/>, shared with the agent and ticket files); what only a level field
/// carries is added here: syslog severity numbers, java.util.logging's FINE/FINER/FINEST, and the long syslog names
/// that do not fit a level word.
/// </summary>
internal static class LevelNames
{
    /// <summary>One of <c>trace|debug|info|warn|error|fatal</c>, or null when unknown.</summary>
    public static string? Normalize(ReadOnlySpan<byte> value)
    {
        // Widened into chars on the stack, so that no string is made per event; a non-ASCII byte matches no level.
        Span<char> chars = stackalloc char[16];
        if (value.Length > chars.Length)
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            chars[i] = (char)value[i];
        }

        var word = chars[..value.Length].Trim(' ');
        return LogLineFields.NormalizeLevel(word) ?? FieldOnly(word);
    }

    private static string? FieldOnly(ReadOnlySpan<char> word)
    {
        if (word.Length == 1 && word[0] is >= '0' and <= '7')
        {
            // Syslog severities: 0 emergency, 1 alert, 2 critical, 3 error, 4 warning, 5 notice, 6 informational, 7 debug.
            return word[0] switch
            {
                <= '2' => "fatal",
                '3' => "error",
                '4' => "warn",
                '7' => "debug",
                _ => "info",
            };
        }

        Span<char> lower = stackalloc char[16];
        return lower[..word.ToLowerInvariant(lower)] switch
        {
            "finest" or "finer" => "trace",
            "fine" => "debug",
            "informational" => "info",
            "emergency" => "fatal",
            _ => null,
        };
    }
}
