using System.Text;

namespace ObservabilityStack.Agent.Reading;

/// <summary>
/// Follows one file by content identity: reads complete lines from a byte offset, keeps its handle open
/// so a renamed (rotated) file is read to its end, and starts over when the file is truncated in place
/// (copytruncate). Offsets handed out are always line boundaries, so a saved position never splits a line.
/// </summary>
internal sealed class FileTail : IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly byte[] _chunk = new byte[ChunkSize];
    private readonly MemoryStream _partial = new();
    private FileStream? _stream;
    private long _position;
    private long _skipped;

    public FileTail(string path, string? fingerprint, long offset, string? label = null)
    {
        Path = path;
        Fingerprint = fingerprint;
        _position = offset;
        Label = label;
    }

    /// <summary>Where the file was last seen.</summary>
    public string Path { get; set; }

    /// <summary>Content identity; null until the first line is complete.</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>Extra label for events from this file (the command name for command spools).</summary>
    public string? Label { get; }

    /// <summary>Times the file was found shorter than the read position and read again from the start.</summary>
    public int Truncations { get; private set; }

    /// <summary>Lines cut to the maximum length.</summary>
    public int LongLines { get; private set; }

    /// <summary>True when the last read reached the end of the file.</summary>
    public bool AtEnd { get; private set; }

    /// <summary>Reads up to <paramref name="maxLines"/> complete lines available now.</summary>
    public List<LogLine> Read(int maxLines, int maxLineBytes)
    {
        var lines = new List<LogLine>();
        if (!EnsureOpen())
        {
            AtEnd = true;
            return lines;
        }

        if (_stream!.Length < _position)
        {
            // Truncated in place: what was there before has been read; the new content starts at 0.
            Truncations++;
            _position = 0;
            _partial.SetLength(0);
            _skipped = 0;
            Fingerprint = FileFingerprint.Of(_stream);
        }

        AtEnd = false;
        while (lines.Count < maxLines)
        {
            _stream.Seek(_position + _partial.Length + _skipped, SeekOrigin.Begin);
            var read = _stream.Read(_chunk, 0, ChunkSize);
            if (read == 0)
            {
                AtEnd = true;
                break;
            }

            var start = 0;
            for (var i = 0; i < read && lines.Count < maxLines; i++)
            {
                if (_chunk[i] != (byte)'\n')
                {
                    continue;
                }

                Append(start, i - start, maxLineBytes);
                lines.Add(TakeLine(maxLineBytes, extra: 1));
                start = i + 1;
            }

            if (lines.Count >= maxLines)
            {
                break;
            }

            Append(start, read - start, maxLineBytes);
        }

        return lines;
    }

    /// <summary>
    /// The unterminated last line of a file nobody writes to any more (rotated away), as a line of its own.
    /// </summary>
    public LogLine? TakeUnterminated(int maxLineBytes) => _partial.Length + _skipped == 0 ? null : TakeLine(maxLineBytes, extra: 0);

    /// <summary>True when a different file (or none) now has this tail's path.</summary>
    public bool WasReplaced() => Fingerprint is not null && FileFingerprint.Of(Path) != Fingerprint;

    private LogLine TakeLine(int maxLineBytes, int extra)
    {
        var bytes = _partial.GetBuffer().AsSpan(0, (int)_partial.Length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        var truncated = bytes.Length > maxLineBytes || _skipped > 0;
        if (truncated)
        {
            LongLines++;
            bytes = bytes[..maxLineBytes];
        }

        var offset = _position;
        _position += _partial.Length + _skipped + extra;
        var line = new LogLine(Path, Fingerprint!, offset, _position, Encoding.UTF8.GetString(bytes), truncated);
        _partial.SetLength(0);
        _skipped = 0;
        return line;
    }

    // Keeps at most one byte more than a line may have: a huge line (or a binary file without newlines)
    // costs its length in skipped bytes, not in memory.
    private void Append(int start, int count, int maxLineBytes)
    {
        var room = (int)Math.Max(0, maxLineBytes + 1 - _partial.Length);
        var kept = Math.Min(room, count);
        _partial.Write(_chunk, start, kept);
        _skipped += count - kept;
    }

    private bool EnsureOpen()
    {
        if (_stream is not null)
        {
            return true;
        }

        try
        {
            _stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var current = FileFingerprint.Of(_stream);
        if (current is null)
        {
            // The first line is not complete yet: no identity, nothing to read.
            _stream.Dispose();
            _stream = null;
            return false;
        }

        if (Fingerprint is not null && Fingerprint != current)
        {
            // Another file now has this name: the saved position belongs to a file we cannot see.
            _position = 0;
        }

        Fingerprint = current;
        return true;
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _partial.Dispose();
    }
}
