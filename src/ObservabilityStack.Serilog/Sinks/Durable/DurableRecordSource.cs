using System.Threading.Channels;
using ObservabilityStack.Serilog.Sinks.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Sinks.Durable;

/// <summary>
/// Moves events from the memory queue to the disk buffer on its own loop, so the queue keeps draining during
/// an outage, and serves batches to the delivery loop from disk.
/// </summary>
internal sealed class DurableRecordSource : IRecordSource
{
    private const int IngestChunk = 1000;
    private readonly ChannelReader<LogEvent> _reader;
    private readonly RecordFactory _factory;
    private readonly ObservabilitySinkOptions _options;
    private readonly FailureReporter _reporter;
    private readonly DiskBuffer _buffer;
    private readonly SemaphoreSlim _appended = new(0);
    private readonly Task _ingest;
    private volatile bool _ingestDone;

    public DurableRecordSource(ChannelReader<LogEvent> reader, RecordFactory factory, ObservabilitySinkOptions options,
        FailureReporter reporter)
    {
        _reader = reader;
        _factory = factory;
        _options = options;
        _reporter = reporter;
        _buffer = new DiskBuffer(options.BufferDirectory!, options.BufferMaxBytes, options.BufferFullMode,
            (count, reason) => reporter.Dropped(count, reason));
        _ingest = Task.Run(IngestAsync);
    }

    public bool IsDurable => true;

    public async Task<IReadOnlyList<LogRecord>?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Read the flag before the buffer: if ingest finished first, an empty read really means "all done".
            var ingestDone = _ingestDone;
            var batch = _buffer.Read(_options.BatchSizeLimit, _options.BatchBytesLimit);
            if (batch.Count > 0 && batch.Count < _options.BatchSizeLimit && !ingestDone)
            {
                // A partial batch waits up to one period for more, as in the memory queue.
                await _appended.WaitAsync(_options.Period, cancellationToken).ConfigureAwait(false);
                batch = _buffer.Read(_options.BatchSizeLimit, _options.BatchBytesLimit);
            }

            if (batch.Count > 0)
            {
                return batch;
            }

            if (ingestDone)
            {
                return null;
            }

            await _appended.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Commit() => _buffer.Commit();

    public int DrainUnread()
    {
        // Ingest only writes to local disk; give it a moment to finish so queued events survive the restart.
        _ingest.Wait(TimeSpan.FromSeconds(5));
        var count = 0;
        while (_reader.TryRead(out _))
        {
            count++;
        }

        return count;
    }

    public void Dispose()
    {
        _ingest.Wait(TimeSpan.FromSeconds(5));
        _buffer.Dispose();
        _appended.Dispose();
    }

    private async Task IngestAsync()
    {
        try
        {
            var chunk = new List<LogRecord>(IngestChunk);
            while (await _reader.WaitToReadAsync().ConfigureAwait(false))
            {
                chunk.Clear();
                while (chunk.Count < IngestChunk && _reader.TryRead(out var logEvent))
                {
                    chunk.Add(_factory.Create(logEvent));
                }

                Append(chunk);
            }
        }
        finally
        {
            _ingestDone = true;
            _appended.Release();
        }
    }

    private void Append(List<LogRecord> chunk)
    {
        try
        {
            var refused = _buffer.Append(chunk);
            if (refused > 0)
            {
                _reporter.Dropped(refused, $"durable buffer full ({_options.BufferMaxBytes} bytes): new events refused",
                    chunk.GetRange(chunk.Count - refused, refused));
            }
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("Durable buffer write failed: {0}", ex);
            _reporter.Dropped(chunk.Count, $"durable buffer write failed: {ex.Message}", [.. chunk]);
        }

        _appended.Release();
    }
}
