using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace ObservabilityStack.Gateway.Wal;

/// <summary>Finds the end of the valid records in a segment, so a torn tail can be cut off at start.</summary>
internal static class WalRecovery
{
    /// <summary>Length of the longest prefix of whole, checksum-valid records.</summary>
    public static long ValidLength(SafeFileHandle handle)
    {
        var fileLength = RandomAccess.GetLength(handle);
        var header = new byte[WalRecord.HeaderSize];
        var buffer = new byte[64 * 1024];
        long offset = 0;
        while (offset + WalRecord.HeaderSize <= fileLength)
        {
            if (RandomAccess.Read(handle, header, offset) < WalRecord.HeaderSize)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (length == 0 || length > WalRecord.MaxPayload || offset + WalRecord.HeaderSize + length > fileLength)
            {
                break;
            }

            if (buffer.Length < length)
            {
                buffer = new byte[length];
            }

            var payload = buffer.AsSpan(0, (int)length);
            if (RandomAccess.Read(handle, payload, offset + WalRecord.HeaderSize) < length || Crc32C.Compute(payload) != crc)
            {
                break;
            }

            offset += WalRecord.HeaderSize + length;
        }

        return offset;
    }
}
