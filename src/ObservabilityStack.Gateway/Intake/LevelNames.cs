namespace ObservabilityStack.Gateway.Intake;

/// <summary>Normalises the many spellings of a log level (Serilog, syslog, log4j, numbers) to ours.</summary>
internal static class LevelNames
{
    /// <summary>One of <c>trace|debug|info|warn|error|fatal</c>, or null when unknown.</summary>
    public static string? Normalize(ReadOnlySpan<byte> value)
    {
        // Lower-cased into chars on the stack so the switch below needs no string per event.
        Span<char> lower = stackalloc char[16];
        if (value.Length > lower.Length)
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            lower[i] = (char)(value[i] is >= (byte)'A' and <= (byte)'Z' ? value[i] | 0x20 : value[i]);
        }

        ReadOnlySpan<char> name = lower[..value.Length].Trim(' ');
        return name switch
        {
            "trace" or "trc" or "verbose" or "vrb" or "finest" or "finer" => "trace",
            "debug" or "dbg" or "fine" or "7" => "debug",
            "info" or "inf" or "information" or "informational" or "notice" or "5" or "6" => "info",
            "warn" or "wrn" or "warning" or "4" => "warn",
            "error" or "err" or "eror" or "severe" or "3" => "error",
            "fatal" or "ftl" or "critical" or "crit" or "alert" or "emerg" or "emergency" or "panic" or "0" or "1" or "2" => "fatal",
            _ => null,
        };
    }
}
