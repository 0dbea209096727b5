using System.Buffers.Binary;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Reads a decompressing gzip stream while computing the CRC-32 and length of what comes out, so the end of the
/// file can be checked against the gzip trailer. .NET's <c>GZipStream</c> ends quietly on a truncated file;
/// this check is what turns a cut-off upload into a 400 instead of a silently shortened log.
/// </summary>
internal sealed class GzipCheckStream(Stream inner) : ObservedReadStream(inner)
{
    private static readonly uint[] s_table = BuildTable();
    private uint _crc = 0xFFFF_FFFF;
    private long _length;

    /// <summary>Throws <see cref="InvalidDataException"/> unless the file's last 8 bytes hold this CRC-32 and length (mod 2^32).</summary>
    public void Verify(FileStream file)
    {
        if (file.Length < 18)
        {
            throw new InvalidDataException("the gzip file is shorter than a gzip header and trailer");
        }

        Span<byte> trailer = stackalloc byte[8];
        file.Position = file.Length - 8;
        file.ReadExactly(trailer);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != ~_crc || BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) != (uint)_length)
        {
            throw new InvalidDataException("the gzip data does not match its checksum: the file is truncated, damaged, or several gzip files joined together");
        }
    }

    protected override void OnRead(ReadOnlySpan<byte> data)
    {
        var crc = _crc;
        foreach (var b in data)
        {
            crc = s_table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _crc = crc;
        _length += data.Length;
    }

    // CRC-32 as gzip uses it (IEEE 802.3, reflected polynomial 0xEDB88320).
    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
