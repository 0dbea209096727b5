using System.Text.Json;
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

    public SearchDocument ToSearchDocument(string index) => new()
    {
        Index = index,
        Id = Id,
        Source = ParseSource(),
        SeqNo = SeqNo,
        PrimaryTerm = PrimaryTerm,
        Version = Version,
        TimestampMillis = Timestamp,
    };

    /// <summary>
    /// Parses over the stored bytes without copying them (they never change). The document is not disposed on
    /// purpose: the element must outlive this call, and its pooled index is simply left to the GC.
    /// </summary>
    public JsonElement ParseSource()
    {
#pragma warning disable CA2000 // see summary: the JsonDocument backs the returned element
        return JsonDocument.Parse(Source).RootElement;
#pragma warning restore CA2000
    }
}
