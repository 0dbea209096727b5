namespace ObservabilityStack.Emulator.Search.Blocks;

/// <summary>Candidate bitmaps of a <see cref="RunBlock"/>.</summary>
internal static class BlockBits
{
    /// <summary>Sets exactly the bits [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static void Fill(ulong[] bits, int from, int to)
    {
        for (var w = 0; w < bits.Length; w++)
        {
            bits[w] = Mask(w, from, to);
        }
    }

    /// <summary>The bits of word <paramref name="word"/> that lie in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static ulong Mask(int word, int from, int to)
    {
        var low = Math.Max(from - (word << 6), 0);
        var high = Math.Min(to - (word << 6), 64);
        if (high <= low)
        {
            return 0;
        }

        var width = high - low;
        return (width == 64 ? ulong.MaxValue : (1UL << width) - 1) << low;
    }

    /// <summary>True when any bit is set.</summary>
    public static bool Any(ulong[] bits)
    {
        foreach (var word in bits)
        {
            if (word != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="target"/> &amp;= ~<paramref name="remove"/>.</summary>
    public static void AndNot(ulong[] target, ulong[] remove)
    {
        for (var w = 0; w < target.Length; w++)
        {
            target[w] &= ~remove[w];
        }
    }
}
