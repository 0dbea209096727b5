using System.Buffers.Binary;
using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Sinks.Durable;

/// <summary>
/// Append-only segment files of checksummed records plus a checkpoint of what was delivered. Reads always start at
/// the checkpoint, so a batch read but not committed (crash, hard stop) is read again after a restart; the event
/// ids make that resend harmless. Bounded in size: when full it refuses new records or drops the oldest segment,
/// and reports the count either way. Thread-safe (one lock; the writer and the delivery loop share it briefly).
/// </summary>
internal sealed class DiskBuffer : IDisposable
{
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly long _segmentBytes;
    private readonly BufferFullMode _fullMode;
    private readonly Action<int, string> _onDropped;
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, long> _segments;
    private readonly HashSet<long> _corruptionReported = [];
    private long _totalBytes;
    private FileStream _writer;
    private long _writerSegment;
    private BufferPosition _committed;
    private BufferPosition _readEnd;
    private FileStream? _reader;
    private long _readerSegment = -1;

    public DiskBuffer(string directory, long maxBytes, BufferFullMode fullMode, Action<int, string> onDropped)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _fullMode = fullMode;
        _onDropped = onDropped;

        // Eight or more segments per buffer, so dropping the oldest frees a fraction, not everything.
        _segmentBytes = Math.Clamp(maxBytes / 8, 16 * 1024, 64L * 1024 * 1024);
        Directory.CreateDirectory(directory);
        _segments = SegmentFiles.List(directory);
        var first = _segments.Count > 0 ? _segments.Keys.First() : 0;
        _committed = SegmentFiles.ReadCheckpoint(directory) ?? new BufferPosition(first, 0);
        foreach (var old in _segments.Keys.Where(s => s < _committed.Segment).ToList())
        {
            DeleteSegment(old);
        }

        _totalBytes = _segments.Values.Sum();

        // Always a fresh segment for writing: never append after a possibly torn tail of a crashed run.
        _writerSegment = _segments.Count > 0 ? _segments.Keys.Last() + 1 : Math.Max(first, _committed.Segment);
        _writer = OpenWriter(_writerSegment);
        _readEnd = _committed;
    }

    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _totalBytes;
            }
        }
    }

    /// <summary>Appends records and flushes them to the OS; returns how many were refused because the buffer is full.</summary>
    public int Append(IReadOnlyList<LogRecord> records)
    {
        var refused = 0;
        lock (_lock)
        {
            foreach (var record in records)
            {
                var frame = RecordCodec.Encode(record);
                while (_totalBytes + frame.Length > _maxBytes && _fullMode == BufferFullMode.DropOldest && DropOldestSegment())
                {
                }

                if (_totalBytes + frame.Length > _maxBytes)
                {
                    refused++;
                    continue;
                }

                if (_segments[_writerSegment] > 0 && _segments[_writerSegment] + frame.Length > _segmentBytes)
                {
                    Roll();
                }

                _writer.Write(frame);
                _segments[_writerSegment] += frame.Length;
                _totalBytes += frame.Length;
            }

            _writer.Flush();
        }

        return refused;
    }

    /// <summary>Reads up to the limits from the checkpoint on; the end is remembered for <see cref="Commit"/>.</summary>
    public IReadOnlyList<LogRecord> Read(int maxCount, long maxBytes)
    {
        lock (_lock)
        {
            var records = new List<LogRecord>();
            long bytes = 0;
            var position = _committed;
            while (records.Count < maxCount && bytes < maxBytes)
            {
                if (!_segments.TryGetValue(position.Segment, out var size) || position.Offset >= size)
                {
                    if (position.Segment >= _writerSegment)
                    {
                        break;
                    }

                    position = new BufferPosition(NextSegmentAfter(position.Segment), 0);
                    continue;
                }

                var record = ReadAt(position, size, out var next);
                position = next;
                if (record is not null)
                {
                    records.Add(record);
                    bytes += record.Json.Length;
                }
            }

            _readEnd = position;
            return records;
        }
    }

    /// <summary>Moves the checkpoint past the last batch read and deletes segments wholly behind it.</summary>
    public void Commit()
    {
        lock (_lock)
        {
            _committed = _readEnd;
            SegmentFiles.WriteCheckpoint(_directory, _committed);
            foreach (var done in _segments.Keys.Where(s => s < _committed.Segment && s != _writerSegment).ToList())
            {
                DeleteSegment(done);
            }
        }
    }

    private LogRecord? ReadAt(BufferPosition position, long size, out BufferPosition next)
    {
        var endOfSegment = new BufferPosition(position.Segment, size);
        next = endOfSegment;
        var stream = ReaderFor(position.Segment);
        stream.Position = position.Offset;
        Span<byte> header = stackalloc byte[RecordCodec.HeaderSize];
        if (size - position.Offset < RecordCodec.HeaderSize || stream.ReadAtLeast(header, header.Length, false) < header.Length)
        {
            ReportCorruption(position.Segment, "torn record header");
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        var checksum = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (length <= 0 || position.Offset + RecordCodec.HeaderSize + length > size)
        {
            ReportCorruption(position.Segment, "torn or invalid record length");
            return null;
        }

        var payload = new byte[length];
        if (stream.ReadAtLeast(payload, length, false) < length || Crc32C.Compute(payload) != checksum)
        {
            ReportCorruption(position.Segment, "record checksum mismatch");
            return null;
        }

        next = new BufferPosition(position.Segment, position.Offset + RecordCodec.HeaderSize + length);
        var record = RecordCodec.Decode(payload);
        if (record is null)
        {
            ReportCorruption(position.Segment, "malformed record");
        }

        return record;
    }

    private void ReportCorruption(long segment, string what)
    {
        // The rest of the segment cannot be framed reliably; it is skipped and reported once.
        if (_corruptionReported.Add(segment))
        {
            _onDropped(1, $"durable buffer segment {segment}: {what}; rest of the segment skipped");
        }
    }

    private bool DropOldestSegment()
    {
        var oldest = _segments.Keys.First();
        if (oldest == _writerSegment)
        {
            if (_segments[oldest] == 0)
            {
                return false;
            }

            Roll();
        }

        var unread = CountRecords(oldest, _committed.Segment == oldest ? _committed.Offset : 0);
        if (_committed.Segment <= oldest)
        {
            _committed = new BufferPosition(NextSegmentAfter(oldest), 0);
        }

        DeleteSegment(oldest);
        _onDropped(unread, "durable buffer full: oldest events dropped");
        return true;
    }

    private int CountRecords(long segment, long from)
    {
        var count = 0;
        var size = _segments[segment];
        var stream = ReaderFor(segment);
        Span<byte> header = stackalloc byte[RecordCodec.HeaderSize];
        for (var offset = from; offset + RecordCodec.HeaderSize <= size; count++)
        {
            stream.Position = offset;
            stream.ReadExactly(header);
            offset += RecordCodec.HeaderSize + Math.Max(1, BinaryPrimitives.ReadInt32LittleEndian(header));
        }

        return count;
    }

    private void Roll()
    {
        _writer.Dispose();
        _writerSegment++;
        _writer = OpenWriter(_writerSegment);
    }

    private FileStream OpenWriter(long segment)
    {
        _segments[segment] = 0;
        return new FileStream(SegmentFiles.PathOf(_directory, segment), FileMode.Create, FileAccess.Write,
            FileShare.Read | FileShare.Delete, 64 * 1024);
    }

    private FileStream ReaderFor(long segment)
    {
        if (_readerSegment != segment || _reader is null)
        {
            _reader?.Dispose();
            _reader = new FileStream(SegmentFiles.PathOf(_directory, segment), FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
            _readerSegment = segment;
        }

        return _reader;
    }

    private long NextSegmentAfter(long segment)
    {
        foreach (var key in _segments.Keys)
        {
            if (key > segment)
            {
                return key;
            }
        }

        return _writerSegment;
    }

    private void DeleteSegment(long segment)
    {
        if (_readerSegment == segment)
        {
            _reader?.Dispose();
            _reader = null;
            _readerSegment = -1;
        }

        if (_segments.Remove(segment, out var size))
        {
            _totalBytes -= size;
        }

        File.Delete(SegmentFiles.PathOf(_directory, segment));
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
            _reader?.Dispose();
        }
    }
}
