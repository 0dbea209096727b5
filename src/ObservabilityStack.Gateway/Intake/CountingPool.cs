using System.Buffers;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// An array pool that counts the rents it could not serve from what it keeps (it allocated a new array), so a load run
/// and the tests can see whether the pool is large enough for the concurrency intake allows.
/// </summary>
internal sealed class CountingPool(ArrayPool<byte> inner) : ArrayPool<byte>
{
    private long _allocated;

    /// <summary>Rents that allocated a new array, since start.</summary>
    public long Allocated => Interlocked.Read(ref _allocated);

    public override byte[] Rent(int minimumLength)
    {
        // The allocation counter of this thread moves only if the pool had to allocate; cheaper than any bookkeeping of ours.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var array = inner.Rent(minimumLength);
        if (GC.GetAllocatedBytesForCurrentThread() - before >= array.Length)
        {
            Interlocked.Increment(ref _allocated);
        }

        return array;
    }

    public override void Return(byte[] array, bool clearArray = false) => inner.Return(array, clearArray);
}
