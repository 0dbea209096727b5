using System.Text.Json;
using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// One version of a document. The source stays as the client's UTF-8 bytes (no per-document DOM), so a
/// million 1 KB documents cost about a gigabyte; search parses it lazily.
/// </summary>
internal sealed class StoredDocument
{
    public required string Id { get; init; }

    public required byte[] Source { get; init; }

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

    public JsonElement ParseSource()
    {
        var reader = new Utf8JsonReader(Source);
        return JsonElement.ParseValue(ref reader);
    }
}
