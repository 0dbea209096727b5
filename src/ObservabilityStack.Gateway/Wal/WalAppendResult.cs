namespace ObservabilityStack.Gateway.Wal;

/// <summary>Outcome of an append.</summary>
internal enum WalAppendResult
{
    /// <summary>Written and fsynced.</summary>
    Durable,

    /// <summary>The disk quota would be exceeded; nothing was written.</summary>
    QuotaExceeded,
}
