using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// One version of a document. The source stays as the client's UTF-8 bytes (no per-document DOM), held in
/// the index's <see cref="SourceArena"/>, so a million 1 KB documents cost about a gigabyte; search parses it lazily.
/// </summary>
internal sealed class StoredDocument
{
    public required string Id { get; init; }

    public required ReadOnlyMemory<byte> Source { get; init; }

    public long SeqNo { get; init; }

    public long Version { get; init; }

    public long PrimaryTerm { get; init; } = 1;

    public long? Timestamp { get; init; }

    /// <summary>The document as search sees it; <c>_source</c> is parsed only if search reads it.</summary>
    public SearchDocument ToSearchDocument(string index, TimeRun? run = null, int position = 0) => new()
    {
        Index = index,
        Id = Id,
        SourceBytes = Source,
        Columns = run?.Columns,
        Position = position,
        SeqNo = SeqNo,
        PrimaryTerm = PrimaryTerm,
        Version = Version,
        TimestampMillis = Timestamp,
    };
}
