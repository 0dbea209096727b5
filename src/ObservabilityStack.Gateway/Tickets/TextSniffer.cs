namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Tells text from binary by its first bytes: text has no NUL bytes and few other control characters.</summary>
internal static class TextSniffer
{
    public static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x1B and not 0x0C)
            {
                control++;
            }
        }

        return control * 20 <= head.Length;
    }
}
