using Microsoft.Win32.SafeHandles;

namespace ObservabilityStack.Gateway.Wal;

/// <summary>Appending and the group commit that makes appends durable.</summary>
internal sealed partial class WriteAheadLog
{
    /// <summary>Appends framed records (see <see cref="WalRecord"/>) and returns once they are on disk.</summary>
    /// <remarks>
    /// Group commit without a flusher thread: the append that finds no flush running fsyncs itself (no
    /// thread hop before its 202); appends arriving meanwhile queue up, and when the fsync ends the first
    /// of them leads the next one for all of them. One fsync per group, whatever the number of requests.
    /// </remarks>
    public Task<WalAppendResult> AppendAsync(ReadOnlyMemory<byte> records)
    {
        TaskCompletionSource<bool>? follow = null;
        lock (_lock)
        {
            if (_written + records.Length - _checkpoint > _options.MaxBytes)
            {
                return Task.FromResult(WalAppendResult.QuotaExceeded);
            }

            if (_written - _currentStart >= _options.SegmentBytes)
            {
                _toClose.Add(_current);
                CreateSegment(_written);
            }

            RandomAccess.Write(_current, records.Span, _written - _currentStart);
            _written += records.Length;
            if (_flushing)
            {
                follow = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Enqueue((_written, follow));
            }
            else
            {
                _flushing = true;
            }
        }

        if (follow is null)
        {
            FlushAsLeader();
            return s_durable;
        }

        return FollowAsync(follow.Task);
    }

    private async Task<WalAppendResult> FollowAsync(Task<bool> lead)
    {
        if (await lead.ConfigureAwait(false))
        {
            FlushAsLeader();
        }

        return WalAppendResult.Durable;
    }

    // Makes everything written so far durable, releases the appends it covered and hands the lead to the next one.
    private void FlushAsLeader()
    {
        long target;
        try
        {
            lock (_fsyncLock)
            {
                SafeFileHandle current;
                SafeFileHandle[] closing;
                lock (_lock)
                {
                    if (_closed)
                    {
                        // DisposeAsync flushed everything and released every waiter.
                        return;
                    }

                    target = _written;
                    current = _current;
                    closing = [.. _toClose];
                    _toClose.Clear();
                }

                if (_options.Fsync)
                {
                    foreach (var handle in closing)
                    {
                        RandomAccess.FlushToDisk(handle);
                    }

                    RandomAccess.FlushToDisk(current);
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
            FailWaiters(ex);
            throw;
        }

        TaskCompletionSource<bool>? next = null;
        TaskCompletionSource advanced;
        lock (_lock)
        {
            _durable = Math.Max(_durable, target);
            while (_waiters.Count > 0 && _waiters.Peek().End <= target)
            {
                _waiters.Dequeue().Done.TrySetResult(false);
            }

            if (_waiters.Count > 0)
            {
                next = _waiters.Dequeue().Done;
            }
            else
            {
                _flushing = false;
            }

            advanced = _durableAdvanced;
            _durableAdvanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        advanced.TrySetResult();
        next?.TrySetResult(true);
    }

    private void FailWaiters(Exception ex)
    {
        lock (_lock)
        {
            while (_waiters.Count > 0)
            {
                _waiters.Dequeue().Done.TrySetException(ex);
            }

            _flushing = false;
        }
    }
}
