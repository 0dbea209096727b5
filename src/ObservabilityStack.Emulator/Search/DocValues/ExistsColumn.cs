namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>Whether each document has a non-null value at the path (null bitmap when none has).</summary>
internal sealed class ExistsColumn(int start, int length, ulong[]? bits) : DocColumn(start, length)
{
    /// <inheritdoc/>
    public override long MemoryBytes => 32 + (bits?.Length ?? 0) * 8L;

    /// <summary>True when the document at run position <paramref name="position"/> has a value.</summary>
    public bool Has(int position) => bits is not null && Bits.Has(bits, position - Start);

    /// <summary>Clears the candidates (bit i = position <see cref="DocColumn.Start"/> + i) without a value.</summary>
    public void Keep(ulong[] candidates)
    {
        for (var w = 0; w < candidates.Length; w++)
        {
            candidates[w] &= bits is not null && w < bits.Length ? bits[w] : 0;
        }
    }
}
