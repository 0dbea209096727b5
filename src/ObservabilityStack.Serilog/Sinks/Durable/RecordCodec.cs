using System.Buffers.Binary;
using System.Text;
using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Sinks.Durable;

/// <summary>
/// Frames a record on disk: <c>[length:int32 LE][crc32c:uint32 LE][payload]</c>, payload being
/// <c>id \n index \n json</c> (the JSON is one line, so the separators are unambiguous).
/// </summary>
internal static class RecordCodec
{
    public const int HeaderSize = 8;

    public static byte[] Encode(LogRecord record)
    {
        var id = Encoding.UTF8.GetByteCount(record.Id);
        var index = Encoding.UTF8.GetByteCount(record.Index);
        var payloadLength = id + 1 + index + 1 + record.Json.Length;
        var frame = new byte[HeaderSize + payloadLength];
        var payload = frame.AsSpan(HeaderSize);
        Encoding.UTF8.GetBytes(record.Id, payload);
        payload[id] = (byte)'\n';
        Encoding.UTF8.GetBytes(record.Index, payload[(id + 1)..]);
        payload[id + 1 + index] = (byte)'\n';
        record.Json.CopyTo(payload[(id + index + 2)..]);
        BinaryPrimitives.WriteInt32LittleEndian(frame, payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32C.Compute(payload));
        return frame;
    }

    /// <summary>Decodes a payload whose checksum matched; null when its structure is wrong.</summary>
    public static LogRecord? Decode(ReadOnlySpan<byte> payload)
    {
        var first = payload.IndexOf((byte)'\n');
        if (first < 0)
        {
            return null;
        }

        var second = payload[(first + 1)..].IndexOf((byte)'\n');
        if (second < 0)
        {
            return null;
        }

        var id = Encoding.UTF8.GetString(payload[..first]);
        var index = Encoding.UTF8.GetString(payload.Slice(first + 1, second));
        return new LogRecord(id, index, payload[(first + second + 2)..].ToArray());
    }
}
