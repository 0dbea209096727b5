using System.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace ObservabilityStack.Gateway.Wal;

/// <summary>Appending and the group commit that makes appends durable.</summary>
internal sealed partial class WriteAheadLog
{
    /// <summary>Appends framed records (see <see cref="WalRecord"/>) and returns once they are on disk.</summary>
    /// <remarks>
    /// Group commit on a dedicated flusher thread: an append writes under the lock, queues itself and wakes
    /// the flusher, which fsyncs everything written so far and releases every append that fsync covered,
    /// then starts the next one at once if more arrived meanwhile. One fsync per group, whatever the number
    /// of requests. The records are written (copied to the page cache) before this returns, so the caller may give
    /// their buffer back before awaiting the result; intake does, so requests waiting for the disk hold no buffers. The flusher used to be whichever request found no flush running: that blocked a
    /// thread-pool thread (of two, on two cores) for each fsync and handed the lead to the next group
    /// through the thread-pool queue, where it waited behind request work; both showed up in the p99.
    /// </remarks>
    public Task<WalAppendResult> AppendAsync(ReadOnlyMemory<byte> records)
    {
        var started = Stopwatch.GetTimestamp();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_written + records.Length - _checkpoint > _options.MaxBytes)
            {
                return Task.FromResult(WalAppendResult.QuotaExceeded);
            }

            ObjectDisposedException.ThrowIf(_closed, this);

            if (_written - _currentStart >= _options.SegmentBytes)
            {
                _toClose.Add(_current);
                CreateSegment(_written);
            }

            RandomAccess.Write(_current, records.Span, _written - _currentStart);
            _written += records.Length;
            _waiters.Enqueue((_written, done));
        }

        _wake.Set();
        return WaitDurableAsync(done.Task, started);
    }

    private async Task<WalAppendResult> WaitDurableAsync(Task durable, long started)
    {
        await durable.ConfigureAwait(false);
        CommitWait.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return WalAppendResult.Durable;
    }

    // The flusher thread: fsyncs while anything written is not yet durable, then sleeps until the next append.
    private void FlushLoop()
    {
        while (true)
        {
            _wake.WaitOne();
            while (FlushOnce())
            {
            }

            if (Volatile.Read(ref _closed))
            {
                return;
            }
        }
    }

    // Makes everything written so far durable and releases the appends it covered; false when there was nothing to do.
    private bool FlushOnce()
    {
        long target;
        var released = new List<TaskCompletionSource>();
        try
        {
            lock (_fsyncLock)
            {
                SafeFileHandle current;
                SafeFileHandle[] closing;
                lock (_lock)
                {
                    if (_closed || (_written == _durable && _toClose.Count == 0))
                    {
                        // Nothing new; DisposeAsync flushed everything and released every waiter.
                        return false;
                    }

                    target = _written;
                    current = _current;
                    closing = [.. _toClose];
                    _toClose.Clear();
                }

                if (_options.Fsync)
                {
                    var fsyncStarted = Stopwatch.GetTimestamp();
                    foreach (var handle in closing)
                    {
                        RandomAccess.FlushToDisk(handle);
                    }

                    RandomAccess.FlushToDisk(current);
                    FsyncDuration.Observe(Stopwatch.GetElapsedTime(fsyncStarted).TotalSeconds);
                }

                foreach (var handle in closing)
                {
                    handle.Dispose();
                }
            }
        }
        catch (Exception ex)
        {
            // A failed fsync must not leave the queued appends waiting forever: they fail with it (no 202).
            Log.FsyncFailed(_logger, ex);
            FailWaiters(ex);
            return false;
        }

        TaskCompletionSource advanced;
        lock (_lock)
        {
            _durable = Math.Max(_durable, target);
            while (_waiters.Count > 0 && _waiters.Peek().End <= target)
            {
                released.Add(_waiters.Dequeue().Done);
            }

            advanced = _durableAdvanced;
            _durableAdvanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Continuations run asynchronously: releasing never runs request code on the flusher.
        foreach (var done in released)
        {
            done.TrySetResult();
        }

        advanced.TrySetResult();
        return true;
    }

    private void FailWaiters(Exception ex)
    {
        lock (_lock)
        {
            while (_waiters.Count > 0)
            {
                _waiters.Dequeue().Done.TrySetException(ex);
            }
        }
    }
}
