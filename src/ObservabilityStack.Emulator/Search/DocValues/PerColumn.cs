namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// Per-column state (ordinal buckets, accepted ordinals) for the few columns a search is reading. Runs that overlap
/// in time are read interleaved, document by document, so keeping only the last column's state would rebuild it
/// for nearly every document; a handful of entries searched by reference covers every run of a window.
/// </summary>
internal sealed class PerColumn<T>(Func<KeywordColumn, T> create)
    where T : class
{
    private const int Capacity = 16;
    private readonly KeywordColumn?[] _columns = new KeywordColumn?[Capacity];
    private readonly T?[] _values = new T?[Capacity];
    private int _last;
    private int _next;

    /// <summary>The state for <paramref name="column"/>, created on first use.</summary>
    public T For(KeywordColumn column)
    {
        if (ReferenceEquals(_columns[_last], column))
        {
            return _values[_last]!;
        }

        for (var i = 0; i < Capacity; i++)
        {
            if (ReferenceEquals(_columns[i], column))
            {
                _last = i;
                return _values[i]!;
            }
        }

        // Round-robin replacement: an evicted column's state is simply built again if it comes back.
        _last = _next;
        _next = (_next + 1) % Capacity;
        _columns[_last] = column;
        _values[_last] = create(column);
        return _values[_last]!;
    }
}
