using System.Buffers.Binary;
using System.Text;

namespace ObservabilityStack.Gateway.Wal;

/// <summary>One record read back from the log (payload only, checksum already verified).</summary>
internal readonly struct WalEntry
{
    public WalEntry(long position, ReadOnlyMemory<byte> payload)
    {
        Position = position;
        Payload = payload;
    }

    /// <summary>Log position of the record's first header byte.</summary>
    public long Position { get; }

    /// <summary>The record payload (see <see cref="WalRecord"/>).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Log position just after this record.</summary>
    public long End => Position + WalRecord.HeaderSize + Payload.Length;

    /// <summary>When the gateway accepted the event (Unix milliseconds).</summary>
    public long IngestedUnixMs => BinaryPrimitives.ReadInt64LittleEndian(Payload.Span);

    /// <summary>Target data stream, UTF-8.</summary>
    public ReadOnlySpan<byte> Index => Payload.Span.Slice(9, Payload.Span[8]);

    /// <summary>The event id (<c>_id</c>), UTF-8.</summary>
    public ReadOnlySpan<byte> Id
    {
        get
        {
            var p = Payload.Span;
            var at = 9 + p[8];
            return p.Slice(at + 1, p[at]);
        }
    }

    /// <summary>The normalised document JSON.</summary>
    public ReadOnlyMemory<byte> Document
    {
        get
        {
            var p = Payload.Span;
            var at = 9 + p[8];
            return Payload[(at + 1 + p[at])..];
        }
    }

    /// <summary>Index as a string (failure paths only).</summary>
    public string IndexString => Encoding.UTF8.GetString(Index);

    /// <summary>Id as a string (failure paths only).</summary>
    public string IdString => Encoding.UTF8.GetString(Id);
}
