namespace ObservabilityStack.Emulator.Durability;

/// <summary>Receives one intact log record during replay; <paramref name="source"/> is only valid during the call.</summary>
internal delegate void ReplayAction(byte op, string id, long seqNo, long version, ReadOnlySpan<byte> source);
