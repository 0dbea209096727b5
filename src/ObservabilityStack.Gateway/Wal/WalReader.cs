using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace ObservabilityStack.Gateway.Wal;

/// <summary>Reads durable records sequentially from a position, across segments, in batches.</summary>
internal sealed class WalReader : IDisposable
{
    private readonly WriteAheadLog _wal;
    private readonly ILogger _logger;
    private string? _openFile;
    private SafeFileHandle? _handle;

    public WalReader(WriteAheadLog wal, long position, ILogger logger)
    {
        _wal = wal;
        _logger = logger;
        Position = position;
    }

    /// <summary>Where the next batch starts.</summary>
    public long Position { get; private set; }

    /// <summary>Records skipped because their checksum did not match (disk corruption), counted for metrics.</summary>
    public long CorruptRecords { get; private set; }

    /// <summary>Reads up to <paramref name="maxEvents"/> records / about <paramref name="maxBytes"/> bytes; null when nothing is durable yet.</summary>
    public WalBatch? ReadBatch(int maxEvents, int maxBytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes);
        var entries = new List<WalEntry>(Math.Min(maxEvents, 4096));
        var start = Position;
        var filled = 0;
        while (entries.Count < maxEvents && filled < buffer.Length)
        {
            if (!_wal.TryLocate(Position, out var file, out var segmentStart, out var segmentEnd, out var hasNext))
            {
                break;
            }

            if (Position >= segmentEnd)
            {
                var next = _wal.NextSegmentStart(Position);
                if (hasNext && next > Position)
                {
                    Position = next;
                    continue;
                }

                break;
            }

            var handle = Open(file);
            var toRead = (int)Math.Min(segmentEnd - Position, buffer.Length - filled);
            var read = RandomAccess.Read(handle, buffer.AsSpan(filled, toRead), Position - segmentStart);
            var parsed = Parse(buffer, filled, read, entries, maxEvents, out var corrupt);
            if (corrupt)
            {
                CorruptRecords++;
                var skipTo = hasNext ? _wal.NextSegmentStart(Position) : segmentEnd;
                Log.CorruptRecord(_logger, Position + parsed, skipTo - Position - parsed);
                Position = skipTo;
                filled += parsed;
                continue;
            }

            if (parsed == 0)
            {
                if (entries.Count > 0)
                {
                    break;
                }

                if (read >= segmentEnd - Position)
                {
                    // Every readable byte is here and still no whole record: the durable data is damaged.
                    CorruptRecords++;
                    var skip = hasNext ? _wal.NextSegmentStart(Position) : segmentEnd;
                    Log.CorruptRecord(_logger, Position, skip - Position);
                    Position = skip;
                    continue;
                }

                // A record larger than the buffer: grow to hold it and read again.
                var length = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(filled));
                var bigger = ArrayPool<byte>.Shared.Rent((int)length + WalRecord.HeaderSize);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
                filled = 0;
                continue;
            }

            Position += parsed;
            filled += parsed;
        }

        if (entries.Count == 0 && Position == start)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        return new WalBatch(buffer, entries, start, Position);
    }

    private int Parse(byte[] buffer, int offset, int count, List<WalEntry> entries, int maxEvents, out bool corrupt)
    {
        corrupt = false;
        var consumed = 0;
        while (entries.Count < maxEvents && count - consumed >= WalRecord.HeaderSize)
        {
            var at = offset + consumed;
            var length = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at));
            if (length == 0 || length > WalRecord.MaxPayload)
            {
                corrupt = true;
                return consumed;
            }

            if (count - consumed < WalRecord.HeaderSize + length)
            {
                break;
            }

            var payload = new ReadOnlyMemory<byte>(buffer, at + WalRecord.HeaderSize, (int)length);
            if (Crc32C.Compute(payload.Span) != BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at + 4)))
            {
                corrupt = true;
                return consumed;
            }

            entries.Add(new WalEntry(Position + consumed, payload));
            consumed += WalRecord.HeaderSize + (int)length;
        }

        return consumed;
    }

    private SafeFileHandle Open(string file)
    {
        if (_openFile != file || _handle is null)
        {
            _handle?.Dispose();
            _handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _openFile = file;
        }

        return _handle;
    }

    /// <inheritdoc/>
    public void Dispose() => _handle?.Dispose();
}
