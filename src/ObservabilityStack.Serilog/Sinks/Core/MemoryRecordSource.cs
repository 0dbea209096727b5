using System.Threading.Channels;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>Batches straight from the in-memory queue: formats on the loop thread, fills by count, bytes or time.</summary>
internal sealed class MemoryRecordSource(ChannelReader<LogEvent> reader, RecordFactory factory, ObservabilitySinkOptions options)
    : IRecordSource
{
    public bool IsDurable => false;

    public Task<IReadOnlyList<LogRecord>?> ReadBatchAsync(CancellationToken cancellationToken) =>
        BatchReader.ReadAsync(reader, factory.Create, r => r.Json.Length, options, cancellationToken);

    public void Commit()
    {
        // Nothing to do: the batch lived only in memory and the loop has finished with it.
    }

    public int DrainUnread()
    {
        var count = 0;
        while (reader.TryRead(out _))
        {
            count++;
        }

        return count;
    }

    public void Dispose()
    {
    }
}
