using System.Buffers;
using System.Buffers.Text;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>
/// The bulk answer, built in one pooled array: the items are written after a reserved gap and the
/// <c>{"errors":…,"took":…,"items":</c> head (known only at the end) is written into the gap. A 5,000-item
/// answer is about a megabyte; building it in fresh growing arrays and copying it once more left several
/// megabytes of large-object garbage per request.
/// </summary>
internal sealed class BulkResponseBuffer : IBufferWriter<byte>, IDisposable
{
    private const int HeadRoom = 64;
    private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _written = HeadRoom;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <summary>The whole answer: the head written into the gap, the items (an array) and the closing brace.</summary>
    public ReadOnlyMemory<byte> Complete(bool errors, long took)
    {
        Span<byte> head = stackalloc byte[HeadRoom];
        var length = 0;
        Append(head, ref length, errors ? "{\"errors\":true,\"took\":"u8 : "{\"errors\":false,\"took\":"u8);
        Utf8Formatter.TryFormat(took, head[length..], out var digits);
        length += digits;
        Append(head, ref length, ",\"items\":"u8);
        GetSpan(1)[0] = (byte)'}';
        Advance(1);
        var start = HeadRoom - length;
        head[..length].CopyTo(_array.AsSpan(start));
        return _array.AsMemory(start, _written - start);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
    }

    private static void Append(Span<byte> head, ref int length, ReadOnlySpan<byte> text)
    {
        text.CopyTo(head[length..]);
        length += text.Length;
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 256);
        if (needed <= _array.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, _written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
