namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// Where an index keeps its documents' <c>_source</c> bytes: appended into large shared chunks instead of one
/// array per document. A chunk of 1 MB lives on the large object heap, so a million sources are neither
/// a million objects for the GC to mark nor bytes it copies from generation 0 to 2 (which cost ingest more
/// than parsing did). Chunks start small and double, so an index with a few documents stays small.
/// Replaced and deleted sources leave dead bytes behind; <see cref="EsIndex"/> compacts when they dominate.
/// Not thread-safe: the owning index's write lock guards it.
/// </summary>
internal sealed class SourceArena
{
    private const int FirstChunk = 4 * 1024;
    private const int MaxChunk = 1024 * 1024;

    private byte[] _chunk = [];
    private int _used;

    /// <summary>Bytes of sources appended and still referenced by live documents.</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Bytes of sources that were replaced or deleted (kept until the next compaction).</summary>
    public long DeadBytes { get; private set; }

    /// <summary>Copies <paramref name="source"/> into the arena; the returned memory never changes.</summary>
    public ReadOnlyMemory<byte> Add(ReadOnlySpan<byte> source)
    {
        LiveBytes += source.Length;
        if (source.Length > MaxChunk / 8)
        {
            // Large documents get their own array: a chunk would waste its tail.
            return source.ToArray();
        }

        if (_chunk.Length - _used < source.Length)
        {
            var size = Math.Min(MaxChunk, Math.Max(FirstChunk, _chunk.Length * 2));
            _chunk = GC.AllocateUninitializedArray<byte>(Math.Max(size, source.Length));
            _used = 0;
        }

        var memory = _chunk.AsMemory(_used, source.Length);
        source.CopyTo(memory.Span);
        _used += source.Length;
        return memory;
    }

    /// <summary>Records that a source is no longer referenced by a live document.</summary>
    public void Release(int length)
    {
        LiveBytes -= length;
        DeadBytes += length;
    }

    /// <summary>Whether dead bytes are worth copying the live sources into a fresh arena.</summary>
    public bool NeedsCompaction => DeadBytes > 4 * 1024 * 1024 && DeadBytes > LiveBytes;
}
