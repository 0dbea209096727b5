namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>A plain bitmap over document positions (one bit per document, so 125 KB per million).</summary>
internal static class Bits
{
    public static ulong[] For(int length) => new ulong[(length + 63) >> 6];

    public static void Set(ulong[] bits, int position) => bits[position >> 6] |= 1UL << position;

    public static bool Has(ulong[] bits, int position) => (bits[position >> 6] & (1UL << position)) != 0;
}
