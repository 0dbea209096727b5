using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>
/// Reads JSON strings without allocating when the same value was seen before in this request: keyword fields
/// (service names, levels) repeat across documents, so terms aggregations would otherwise allocate a string per
/// document. Bounded so high-cardinality fields (trace ids) do not grow it without limit.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 4096;
    private const int MaxChars = 128;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string value of a JSON string element, shared with earlier equal values.</summary>
    public string Get(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length < 2 || raw.Length - 2 > MaxChars || raw.IndexOf((byte)'\\') >= 0)
        {
            return element.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxChars];
        var count = Encoding.UTF8.GetChars(raw[1..^1], chars);
        if (_lookup.TryGetValue(chars[..count], out var existing))
        {
            return existing;
        }

        var value = new string(chars[..count]);
        if (_pool.Count < MaxEntries)
        {
            _pool[value] = value;
        }

        return value;
    }
}
