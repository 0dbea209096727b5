using System.Buffers;

namespace ObservabilityStack.Gateway.Wal;

/// <summary>Records read from the log for one delivery attempt; owns a pooled buffer until disposed.</summary>
internal sealed class WalBatch : IDisposable
{
    private byte[]? _buffer;

    public WalBatch(byte[] buffer, List<WalEntry> entries, long start, long end)
    {
        _buffer = buffer;
        Entries = entries;
        Start = start;
        End = end;
    }

    /// <summary>The records, in log order.</summary>
    public List<WalEntry> Entries { get; }

    /// <summary>Log position of the first record.</summary>
    public long Start { get; }

    /// <summary>Log position after the last record (or after skipped corruption).</summary>
    public long End { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
