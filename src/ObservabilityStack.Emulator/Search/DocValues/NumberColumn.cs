namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// Numeric values of a run (dates as epoch millis, booleans as 1/0): the first value per document, a bitmap of
/// the documents that have one, and an overflow table with all values of the rare multi-valued document.
/// </summary>
internal sealed class NumberColumn(int start, int length, double[]? first, ulong[]? present, Dictionary<int, double[]>? multi)
    : DocColumn(start, length)
{
    /// <inheritdoc/>
    public override long MemoryBytes => 48 + (first?.Length ?? 0) * 8L + (present?.Length ?? 0) * 8L + (multi?.Count ?? 0) * 56L;

    /// <summary>Adds the values of the document at run position <paramref name="position"/> in source order.</summary>
    public void AddNumbers(int position, List<double> output)
    {
        position -= Start;
        if (present is null || !Bits.Has(present, position))
        {
            return;
        }

        if (multi is not null && multi.TryGetValue(position, out var all))
        {
            output.AddRange(all);
            return;
        }

        output.Add(first![position]);
    }
}
