using System.Buffers;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// What intake may hold in memory at once: a number of slots (requests reading or parsing a body) and the pool their
/// buffers come from. The pool keeps as many arrays per size as there are slots, so at the concurrency intake allows a
/// request rents its body and records buffers instead of allocating them on the large-object heap (with 8 arrays per
/// size and 32 requests in flight, each further request allocated ~1.5 MB and an overloaded gateway ran 13-19 full
/// collections per 10 s). A request waits for a slot before reading its body, so a flood of connections waits in
/// Kestrel's bounded per-connection buffers rather than in ours, and gets 429 once it has waited too long. The pool
/// has no per-thread cache (unlike the shared ArrayPool), so what it keeps is bounded too.
/// </summary>
internal sealed class IntakeMemory : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly CountingPool _pool;

    public IntakeMemory(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
        _slots = new SemaphoreSlim(slots, slots);
        _pool = new CountingPool(ArrayPool<byte>.Create(maxArrayLength: 128 * 1024 * 1024, maxArraysPerBucket: slots));
    }

    /// <summary>Buffers for bodies and records; return every array rented.</summary>
    public ArrayPool<byte> Pool => _pool;

    /// <summary>Buffers the pool had to allocate because it kept none of the size asked for, since start.</summary>
    public long BuffersAllocated => _pool.Allocated;

    /// <summary>How many requests may hold intake buffers at once.</summary>
    public int Slots { get; }

    /// <summary>Slots taken now.</summary>
    public int InUse => Slots - _slots.CurrentCount;

    /// <summary>Takes a slot, waiting up to <paramref name="wait"/>; false when none came free in time.</summary>
    public Task<bool> EnterAsync(TimeSpan wait, CancellationToken cancellationToken) => _slots.WaitAsync(wait, cancellationToken);

    /// <summary>Gives back a slot taken with <see cref="EnterAsync"/>.</summary>
    public void Leave() => _slots.Release();

    /// <inheritdoc/>
    public void Dispose() => _slots.Dispose();
}
