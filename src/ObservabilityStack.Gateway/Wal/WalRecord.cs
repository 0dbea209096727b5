using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ObservabilityStack.Gateway.Wal;

/// <summary>
/// The on-disk record: <c>[u32 payload length][u32 CRC-32C of payload][payload]</c>, little-endian.
/// Payload: <c>[i64 ingested unix ms][u8 index length][index][u8 id length][id][document JSON]</c>.
/// </summary>
internal static class WalRecord
{
    /// <summary>Length and checksum prefix.</summary>
    public const int HeaderSize = 8;

    /// <summary>Largest payload accepted when reading; anything larger is corruption.</summary>
    public const int MaxPayload = 64 * 1024 * 1024;

    /// <summary>Appends one framed record for a document to <paramref name="writer"/>.</summary>
    public static void Write(IBufferWriter<byte> writer, long ingestedUnixMs, string index, ReadOnlySpan<byte> id, ReadOnlySpan<byte> document)
    {
        var indexLength = Encoding.UTF8.GetByteCount(index);
        if (indexLength > 255 || id.Length > 255)
        {
            throw new ArgumentException("Index name and id must each fit in 255 bytes.");
        }

        var payloadLength = 8 + 1 + indexLength + 1 + id.Length + document.Length;
        var span = writer.GetSpan(HeaderSize + payloadLength);
        var payload = span.Slice(HeaderSize, payloadLength);
        BinaryPrimitives.WriteInt64LittleEndian(payload, ingestedUnixMs);
        payload[8] = (byte)indexLength;
        Encoding.UTF8.GetBytes(index, payload.Slice(9, indexLength));
        payload[9 + indexLength] = (byte)id.Length;
        id.CopyTo(payload[(10 + indexLength)..]);
        document.CopyTo(payload[(10 + indexLength + id.Length)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32C.Compute(payload));
        writer.Advance(HeaderSize + payloadLength);
    }

    /// <summary>Writes the payload's prefix (ingest time, index, id) after the header; the document follows.</summary>
    public static void WritePrefix(ref Intake.RecordWriter writer, long ingestedUnixMs, scoped ReadOnlySpan<byte> index, scoped ReadOnlySpan<byte> id)
    {
        if (index.Length > 255 || id.Length > 255)
        {
            throw new ArgumentException("Index name and id must each fit in 255 bytes.");
        }

        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(time, ingestedUnixMs);
        writer.Raw(time);
        writer.Byte((byte)index.Length);
        writer.Raw(index);
        writer.Byte((byte)id.Length);
        writer.Raw(id);
    }

    /// <summary>Fills in the header of a record whose payload ends at <paramref name="end"/> in <paramref name="record"/>.</summary>
    public static void Seal(Span<byte> record, int end)
    {
        var payload = record[HeaderSize..end];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32C.Compute(payload));
    }
}
