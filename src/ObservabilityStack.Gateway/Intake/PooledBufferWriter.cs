using System.Buffers;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over pooled arrays: a request's log records are about as large as
/// its body (hundreds of KiB), and allocating that fresh per request would land on the large-object heap.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity) => _buffer = IntakeMemory.Pool.Rent(Math.Max(initialCapacity, 256));

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public int WrittenCount => _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var bigger = IntakeMemory.Pool.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(bigger);
        IntakeMemory.Pool.Return(_buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            IntakeMemory.Pool.Return(_buffer);
            _buffer = [];
        }
    }
}
