using System.Buffers.Binary;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Reads a decompressing gzip stream while computing the CRC-32 and length of what comes out, so the end of the
/// file can be checked against the gzip trailer. .NET's <c>GZipStream</c> ends quietly on a truncated file;
/// this check is what turns a cut-off upload into a 400 instead of a silently shortened log.
/// </summary>
internal sealed class GzipCheckStream(Stream inner) : Stream
{
    private static readonly uint[] s_table = BuildTable();
    private uint _crc = 0xFFFF_FFFF;
    private long _length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    /// <summary>Throws <see cref="InvalidDataException"/> unless the file's last 8 bytes hold this CRC-32 and length (mod 2^32).</summary>
    public void Verify(FileStream file)
    {
        Span<byte> trailer = stackalloc byte[8];
        file.Position = file.Length - 8;
        file.ReadExactly(trailer);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != ~_crc || BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) != (uint)_length)
        {
            throw new InvalidDataException("the gzip data does not match its checksum: the file is truncated, damaged, or several gzip files joined together");
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Update(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Update(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Update(ReadOnlySpan<byte> data)
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
