using System.Buffers;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>A request body in a pooled array; return it with <see cref="Dispose"/>.</summary>
internal sealed class PooledBody : IDisposable
{
    private readonly ArrayPool<byte> _pool;

    public PooledBody(ArrayPool<byte> pool, byte[] array, int length)
    {
        _pool = pool;
        Array = array;
        Length = length;
    }

    public byte[] Array { get; private set; }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => Array.AsSpan(0, Length);

    public void Dispose()
    {
        if (Array.Length > 0)
        {
            _pool.Return(Array);
            Array = [];
        }
    }
}
