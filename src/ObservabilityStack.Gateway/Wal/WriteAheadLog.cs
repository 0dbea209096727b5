using System.Globalization;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Gateway.Metrics;
using Microsoft.Win32.SafeHandles;

namespace ObservabilityStack.Gateway.Wal;

/// <summary>
/// Append-only, checksummed, segmented log of accepted events. Appends are written under a lock and
/// made durable by one flusher thread that fsyncs for every append waiting at that moment (group commit), so
/// many concurrent requests share one fsync. Positions are global byte offsets; a segment file is
/// named by the position of its first byte.
/// </summary>
internal sealed partial class WriteAheadLog : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly string _directory;
    private readonly WalOptions _options;
    private readonly ILogger _logger;
    private readonly WalCheckpoint _checkpointFile;
    private readonly SortedList<long, string> _segments = [];
    // Held by the flusher while it fsyncs (and by DisposeAsync), never with _lock inside out.
    private readonly Lock _fsyncLock = new();
    // Appends wait here in position order until an fsync covers them.
    private readonly Queue<(long End, TaskCompletionSource Done)> _waiters = new();
    // Handles of rotated segments that still need their final fsync before their bytes count as durable.
    private readonly List<SafeFileHandle> _toClose = [];
    // Set by each append; the flusher thread waits on it between group commits.
    private readonly AutoResetEvent _wake = new(false);
    private Thread? _flusher;
    private bool _closed;
    private SafeFileHandle _current = null!;
    private long _currentStart;
    private long _written;
    private long _durable;
    private long _checkpoint;
    private TaskCompletionSource _durableAdvanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WriteAheadLog(string directory, WalOptions options, ILogger logger)
    {
        _directory = directory;
        _options = options;
        _logger = logger;
        _checkpointFile = new WalCheckpoint(directory);
    }

    /// <summary>Bytes written and fsynced; readers never read beyond this.</summary>
    public long DurablePosition => Volatile.Read(ref _durable);

    /// <summary>Everything before this position has been delivered.</summary>
    public long CheckpointPosition => Volatile.Read(ref _checkpoint);

    /// <summary>Undelivered bytes on disk (approximately).</summary>
    public long QueuedBytes => Volatile.Read(ref _written) - CheckpointPosition;

    /// <summary>Duration of each fsync (one per group commit).</summary>
    public Histogram FsyncDuration { get; } = new(GatewayMetrics.LatencyBoundsSeconds);

    /// <summary>Time from an append's start until an fsync covered it.</summary>
    public Histogram CommitWait { get; } = new(GatewayMetrics.LatencyBoundsSeconds);

    /// <summary>Bytes of a torn tail cut off when the log was opened.</summary>
    public long TornBytesDropped { get; private set; }

    /// <summary>The disk quota.</summary>
    public long MaxBytes => _options.MaxBytes;

    /// <summary>The directory holding the segments (its disk is the one free-space checks watch).</summary>
    public string DirectoryPath => _directory;

    /// <summary>Opens (or creates) the log, drops a torn tail, and starts the flusher.</summary>
    public void Open()
    {
        Directory.CreateDirectory(_directory);
        _checkpoint = _checkpointFile.Load();
        foreach (var file in Directory.EnumerateFiles(_directory, "*.wal"))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                _segments.Add(start, file);
            }
        }

        if (_segments.Count == 0)
        {
            CreateSegment(_checkpoint);
        }
        else
        {
            _currentStart = _segments.Keys[^1];
            _current = File.OpenHandle(_segments.Values[^1], FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            var fileLength = RandomAccess.GetLength(_current);
            var valid = WalRecovery.ValidLength(_current);
            if (valid < fileLength)
            {
                // The torn record was never acknowledged: its fsync had not completed.
                TornBytesDropped = fileLength - valid;
                RandomAccess.SetLength(_current, valid);
                RandomAccess.FlushToDisk(_current);
                Log.TornTailDropped(_logger, TornBytesDropped, _segments.Values[^1]);
            }

            _written = _durable = _currentStart + valid;
            if (_checkpoint > _written || _checkpoint < _segments.Keys[0])
            {
                _checkpoint = Math.Clamp(_checkpoint, _segments.Keys[0], _written);
            }
        }

        StartFlusher();
    }

    private void StartFlusher()
    {
        _flusher = new Thread(FlushLoop) { IsBackground = true, Name = "obs-wal-flush" };
        _flusher.Start();
    }

    /// <summary>Completes when <see cref="DurablePosition"/> moves past <paramref name="position"/>, or on cancellation.</summary>
    public async Task WaitForDataAsync(long position, CancellationToken cancellationToken)
    {
        Task advanced;
        lock (_lock)
        {
            if (_durable > position)
            {
                return;
            }

            advanced = _durableAdvanced.Task;
        }

        await advanced.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The segment containing <paramref name="position"/>: its file, start, readable end and whether a later segment exists.</summary>
    public bool TryLocate(long position, out string file, out long start, out long end, out bool hasNext)
    {
        lock (_lock)
        {
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                start = _segments.Keys[i];
                if (start > position)
                {
                    continue;
                }

                file = _segments.Values[i];
                hasNext = i + 1 < _segments.Count;
                end = hasNext ? Math.Min(_segments.Keys[i + 1], _durable) : _durable;
                return true;
            }
        }

        file = string.Empty;
        start = end = 0;
        hasNext = false;
        return false;
    }

    /// <summary>The first segment start after <paramref name="position"/>, or the durable end.</summary>
    public long NextSegmentStart(long position)
    {
        lock (_lock)
        {
            foreach (var start in _segments.Keys)
            {
                if (start > position)
                {
                    return Math.Min(start, _durable);
                }
            }

            return _durable;
        }
    }

    /// <summary>Records that everything before <paramref name="position"/> is delivered; deletes finished segments.</summary>
    public void Commit(long position)
    {
        List<string> delete = [];
        lock (_lock)
        {
            if (position <= _checkpoint)
            {
                return;
            }

            _checkpoint = position;
            while (_segments.Count > 1 && _segments.Keys[1] <= position)
            {
                delete.Add(_segments.Values[0]);
                _segments.RemoveAt(0);
            }
        }

        _checkpointFile.Save(position);
        foreach (var file in delete)
        {
            File.Delete(file);
        }
    }

    private void CreateSegment(long start)
    {
        var path = Path.Combine(_directory, start.ToString("D20", CultureInfo.InvariantCulture) + ".wal");
        _current = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.SetLength(_current, 0);
        _currentStart = start;
        _segments[start] = path;
        if (_written < start)
        {
            _written = _durable = start;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        CloseLog();
        _wake.Set();
        _flusher?.Join();
        _wake.Dispose();
        return ValueTask.CompletedTask;
    }

    private void CloseLog()
    {
        lock (_fsyncLock)
        {
            lock (_lock)
            {
                if (!_closed)
                {
                    FlushRemainingUnderLock();
                    _closed = true;
                }
            }
        }
    }

    private void FlushRemainingUnderLock()
    {
        // Rotated segments not yet fsynced hold acknowledged-to-be bytes too.
        foreach (var handle in _toClose)
        {
            RandomAccess.FlushToDisk(handle);
            handle.Dispose();
        }

        RandomAccess.FlushToDisk(_current);
        _durable = _written;
        while (_waiters.Count > 0)
        {
            _waiters.Dequeue().Done.TrySetResult();
        }

        _current.Dispose();
    }
}
