using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Durability;

/// <summary>
/// An index's append-only write log. Each record is <c>[int32 length][uint32 crc32c][payload]</c> with payload
/// <c>[op][seq_no][version][id][source]</c>. Appends are buffered; <see cref="Flush"/> hands them to the OS
/// before the write is acknowledged, so killing the process loses nothing acknowledged.
/// </summary>
internal sealed class DocumentLogFile : IDocumentLog
{
    public const byte IndexOp = 1;
    public const byte DeleteOp = 2;

    private readonly Lock _sync = new();
    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _record = new(4096);

    public DocumentLogFile(string path)
    {
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
    }

    public void AppendIndex(StoredDocument document) => Append(IndexOp, document.Id, document.SeqNo, document.Version, document.Source.Span);

    public void AppendDelete(string id, long seqNo, long version) => Append(DeleteOp, id, seqNo, version, []);

    public void Flush()
    {
        lock (_sync)
        {
            _stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _stream.Dispose();
        }
    }

    private void Append(byte op, string id, long seqNo, long version, ReadOnlySpan<byte> source)
    {
        lock (_sync)
        {
            _record.ResetWrittenCount();
            var idLength = Encoding.UTF8.GetByteCount(id);
            var payloadLength = 1 + 8 + 8 + 4 + idLength + 4 + source.Length;
            var span = _record.GetSpan(8 + payloadLength);
            var payload = span.Slice(8, payloadLength);
            payload[0] = op;
            BinaryPrimitives.WriteInt64LittleEndian(payload[1..], seqNo);
            BinaryPrimitives.WriteInt64LittleEndian(payload[9..], version);
            BinaryPrimitives.WriteInt32LittleEndian(payload[17..], idLength);
            Encoding.UTF8.GetBytes(id, payload[21..]);
            BinaryPrimitives.WriteInt32LittleEndian(payload[(21 + idLength)..], source.Length);
            source.CopyTo(payload[(25 + idLength)..]);
            BinaryPrimitives.WriteInt32LittleEndian(span, payloadLength);
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32C.Compute(payload));
            _stream.Write(span[..(8 + payloadLength)]);
        }
    }

    /// <summary>
    /// Reads every intact record in order and truncates a torn or corrupt tail (a crash mid-append),
    /// returning how many bytes were cut.
    /// </summary>
    public static long Replay(string path, ReplayAction apply)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        long good = 0;
        long length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16))
        {
            length = stream.Length;
            var header = new byte[8];
            var buffer = new byte[4096];
            while (true)
            {
                if (stream.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8)
                {
                    break;
                }

                var size = BinaryPrimitives.ReadInt32LittleEndian(header);
                var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
                if (size < 25 || size > length - good - 8)
                {
                    break;
                }

                if (buffer.Length < size)
                {
                    buffer = new byte[Math.Max(size, buffer.Length * 2)];
                }

                // One buffer for every record: the index copies the source into its arena.
                var payload = buffer.AsSpan(0, size);
                if (stream.ReadAtLeast(payload, size, throwOnEndOfStream: false) < size || Crc32C.Compute(payload) != crc)
                {
                    break;
                }

                var op = payload[0];
                var seqNo = BinaryPrimitives.ReadInt64LittleEndian(payload[1..]);
                var version = BinaryPrimitives.ReadInt64LittleEndian(payload[9..]);
                var idLength = BinaryPrimitives.ReadInt32LittleEndian(payload[17..]);
                var id = Encoding.UTF8.GetString(payload.Slice(21, idLength));
                var sourceLength = BinaryPrimitives.ReadInt32LittleEndian(payload[(21 + idLength)..]);
                var source = payload.Slice(25 + idLength, sourceLength);
                apply(op, id, seqNo, version, source);
                good += 8 + size;
            }
        }

        if (good < length)
        {
            using var truncate = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            truncate.SetLength(good);
        }

        return length - good;
    }
}
