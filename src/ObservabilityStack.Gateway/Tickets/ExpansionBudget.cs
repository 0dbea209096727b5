namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Counts decompressed bytes of one upload against the limits (per file, in total, and the ratio to the
/// uploaded size) while they stream by, so a zip bomb is stopped after at most one buffer past a limit
/// whatever its headers claim: nothing is ever decompressed to memory or disk.
/// </summary>
internal sealed class ExpansionBudget(TicketOptions limits, long uploadedBytes)
{
    public long Total { get; private set; }

    public void Add(long entryBytesSoFar, int count)
    {
        Total += count;
        if (entryBytesSoFar > limits.MaxEntryBytes)
        {
            throw new TicketRefusal(413, "entry_too_large", $"a file in the archive expands beyond the {limits.MaxEntryBytes} bytes allowed per file");
        }

        if (Total > limits.MaxExpandedBytes)
        {
            throw new TicketRefusal(413, "expanded_too_large", $"the archive expands beyond the {limits.MaxExpandedBytes} bytes allowed in total");
        }

        if (Total > limits.RatioCheckAfterBytes && Total > uploadedBytes * limits.MaxCompressionRatio)
        {
            throw new TicketRefusal(413, "compression_ratio",
                $"the archive expands more than {limits.MaxCompressionRatio} times its size (a zip bomb?); send the log files less compressed");
        }
    }
}
