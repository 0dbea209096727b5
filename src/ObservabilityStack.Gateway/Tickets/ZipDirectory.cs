using System.Buffers.Binary;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Reads a zip's entry count from its end-of-central-directory record (and the ZIP64 one when present)
/// without opening the archive: <c>ZipArchive</c> builds an object per entry, so a central directory with
/// millions of entries must be refused before it is parsed.
/// </summary>
internal static class ZipDirectory
{
    private const int EndRecordSize = 22;
    private const int MaxComment = 65535;

    /// <summary>The declared number of entries, or null when no end record is found (the archive is then refused as damaged).</summary>
    public static long? EntryCount(FileStream file)
    {
        var tailLength = (int)Math.Min(file.Length, EndRecordSize + MaxComment + 20);
        var tail = new byte[tailLength];
        file.Position = file.Length - tailLength;
        file.ReadExactly(tail);
        for (var at = tailLength - EndRecordSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != 0x06054b50)
            {
                continue;
            }

            long count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            // 0xFFFF means "see the ZIP64 record", whose locator sits just before this one.
            if (count == 0xFFFF && at >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at - 20)) == 0x07064b50)
            {
                var zip64 = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(at - 20 + 8));
                if (zip64 < 0 || zip64 > file.Length - 56)
                {
                    return null;
                }

                Span<byte> record = stackalloc byte[56];
                file.Position = zip64;
                file.ReadExactly(record);
                count = BinaryPrimitives.ReadUInt32LittleEndian(record) == 0x06064b50 ? (long)BinaryPrimitives.ReadUInt64LittleEndian(record[32..]) : -1;
            }

            file.Position = 0;
            return count < 0 ? null : count;
        }

        file.Position = 0;
        return null;
    }
}
