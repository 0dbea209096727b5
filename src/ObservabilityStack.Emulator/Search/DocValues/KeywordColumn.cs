namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// Keyword values of a run: a sorted dictionary of the distinct strings and one ordinal per document
/// (<see cref="Missing"/> when it has none, <see cref="Multiple"/> when its values are in the overflow table).
/// </summary>
internal sealed class KeywordColumn : DocColumn
{
    /// <summary>Ordinal of a document without a value.</summary>
    public const int Missing = -1;

    /// <summary>Ordinal of a document with several values (see <see cref="OrdinalsAt"/>).</summary>
    public const int Multiple = -2;

    private readonly int[]? _ordinals;
    private readonly Dictionary<int, int[]>? _multi;

    public KeywordColumn(int start, int length, string[] terms, int[]? ordinals, Dictionary<int, int[]>? multi)
        : base(start, length)
    {
        Terms = terms;
        _ordinals = ordinals;
        _multi = multi;
    }

    /// <summary>The distinct values, in ordinal (string) order.</summary>
    public string[] Terms { get; }

    /// <inheritdoc/>
    public override long MemoryBytes
    {
        get
        {
            long bytes = 48 + (_ordinals?.Length ?? 0) * 4L + (_multi?.Count ?? 0) * 48L;
            foreach (var term in Terms)
            {
                bytes += 8 + 22 + (term.Length * 2);
            }

            return bytes;
        }
    }

    /// <summary>The ordinal of the single value of the document at a run position, <see cref="Missing"/> or <see cref="Multiple"/>.</summary>
    public int OrdinalAt(int position) => _ordinals is null ? Missing : _ordinals[position - Start];

    /// <summary>The ordinals of a document with <see cref="Multiple"/> values, in source order.</summary>
    public int[] OrdinalsAt(int position) => _multi![position - Start];

    /// <summary>Adds the values of the document at run position <paramref name="position"/> in source order.</summary>
    public void AddStrings(int position, List<string> output)
    {
        var ordinal = OrdinalAt(position);
        if (ordinal >= 0)
        {
            output.Add(Terms[ordinal]);
        }
        else if (ordinal == Multiple)
        {
            foreach (var each in OrdinalsAt(position))
            {
                output.Add(Terms[each]);
            }
        }
    }

    /// <summary>
    /// Clears the candidates (bit i = position <see cref="DocColumn.Start"/> + i) whose values are all refused by
    /// <paramref name="accepted"/> (indexed by ordinal); a document without a value is refused.
    /// </summary>
    public void Keep(ulong[] candidates, bool[] accepted)
    {
        for (var w = 0; w < candidates.Length; w++)
        {
            var word = candidates[w];
            var kept = word;
            while (word != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var i = (w << 6) + bit;
                var ordinal = _ordinals is null ? Missing : _ordinals[i];
                if (ordinal >= 0 ? !accepted[ordinal] : ordinal == Missing || !AnyAccepted(_multi![i], accepted))
                {
                    kept &= ~(1UL << bit);
                }
            }

            candidates[w] = kept;
        }
    }

    private static bool AnyAccepted(int[] ordinals, bool[] accepted)
    {
        foreach (var ordinal in ordinals)
        {
            if (accepted[ordinal])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ordinal of <paramref name="value"/>, or a negative number when no document has it.</summary>
    public int OrdinalOf(string value) => Array.BinarySearch(Terms, value, StringComparer.Ordinal);
}
