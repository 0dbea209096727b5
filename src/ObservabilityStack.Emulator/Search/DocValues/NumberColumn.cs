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

    /// <summary>
    /// Clears the candidates (bit i = position <see cref="DocColumn.Start"/> + i) none of whose values pass
    /// <paramref name="test"/>; a document without a value is cleared.
    /// </summary>
    public void Keep<TTest>(ulong[] candidates, TTest test)
        where TTest : struct, Blocks.INumberTest
    {
        for (var w = 0; w < candidates.Length; w++)
        {
            var word = present is not null && w < present.Length ? candidates[w] & present[w] : 0;
            var kept = word;
            while (word != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var i = (w << 6) + bit;
                if (multi is not null && multi.TryGetValue(i, out var all) ? !AnyPasses(all, test) : !test.Accepts(first![i]))
                {
                    kept &= ~(1UL << bit);
                }
            }

            candidates[w] = kept;
        }
    }

    private static bool AnyPasses<TTest>(double[] values, TTest test)
        where TTest : struct, Blocks.INumberTest
    {
        foreach (var value in values)
        {
            if (test.Accepts(value))
            {
                return true;
            }
        }

        return false;
    }
}
