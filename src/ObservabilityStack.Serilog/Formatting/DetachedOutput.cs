using System.Buffers;

namespace ObservabilityStack.Serilog.Formatting;

/// <summary>
/// Where the formatter's reused writer points between events. Resetting it to a stream instead (the obvious
/// choice) switches the writer into stream mode, and switching back drops and re-creates its internal buffer: about
/// 1 KB per event. Nothing is ever written here.
/// </summary>
internal sealed class DetachedOutput : IBufferWriter<byte>
{
    public static readonly DetachedOutput Instance = new();

    private DetachedOutput()
    {
    }

    public void Advance(int count) => throw new InvalidOperationException("The formatter's writer is detached between events.");

    public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("The formatter's writer is detached between events.");

    public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("The formatter's writer is detached between events.");
}
