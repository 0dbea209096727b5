using System.Buffers;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// The gateway's own pool for request bodies and records. The shared ArrayPool caches arrays per thread, so
/// large bodies handled on many thread-pool threads could each leave a multi-megabyte array behind; this pool
/// has no per-thread cache and keeps at most a few arrays per size, so what intake holds on to stays bounded.
/// </summary>
internal static class IntakeMemory
{
    public static ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(maxArrayLength: 128 * 1024 * 1024, maxArraysPerBucket: 8);
}
