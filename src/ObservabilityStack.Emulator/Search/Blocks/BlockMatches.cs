namespace ObservabilityStack.Emulator.Search.Blocks;

/// <summary>
/// A query's candidates in one column block of one run: the documents it could not rule out from columns, and
/// whether those are exactly its matches.
/// </summary>
internal sealed class BlockMatches(int blockStart, ulong[] bits, bool exact)
{
    /// <summary>The run position of bit 0.</summary>
    public int BlockStart { get; } = blockStart;

    /// <summary>One bit per document of the block.</summary>
    public ulong[] Bits { get; } = bits;

    /// <summary>True when every candidate matches; false when each must still be checked.</summary>
    public bool Exact { get; } = exact;
}
