using System.Text.Json;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>Turns reader exceptions into reasons that name the byte position in the body.</summary>
internal static class JsonErrors
{
    /// <summary>"malformed JSON at byte N: what the reader said", N counted from <paramref name="baseOffset"/>.</summary>
    public static RejectReason Describe(JsonException exception, ReadOnlySpan<byte> json, long baseOffset)
    {
        var line = exception.LineNumber ?? 0;
        var inLine = exception.BytePositionInLine ?? 0;
        var offset = baseOffset + LineStart(json, line) + inLine;
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal) ||
            message.Contains("larger than the maximum", StringComparison.Ordinal))
        {
            return new RejectReason("too_deep", $"nesting too deep at byte {offset}");
        }

        return RejectReason.Malformed($"malformed JSON at byte {offset}: {message}");
    }

    private static long LineStart(ReadOnlySpan<byte> json, long line)
    {
        long start = 0;
        for (long l = 0; l < line; l++)
        {
            var next = json[(int)start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        return start;
    }
}
