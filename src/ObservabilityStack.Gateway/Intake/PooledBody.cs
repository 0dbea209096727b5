using System.Buffers;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>A request body in a pooled array; return it with <see cref="Dispose"/>.</summary>
internal sealed class PooledBody : IDisposable
{
    public PooledBody(byte[] array, int length)
    {
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
            IntakeMemory.Pool.Return(Array);
            Array = [];
        }
    }
}
