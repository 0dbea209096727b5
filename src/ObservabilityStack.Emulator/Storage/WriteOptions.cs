namespace ObservabilityStack.Emulator.Storage;

/// <summary>Per-write conditions: op_type=create and optimistic concurrency (if_seq_no / if_primary_term).</summary>
internal readonly record struct WriteOptions(bool CreateOnly = false, long? IfSeqNo = null, long? IfPrimaryTerm = null);
