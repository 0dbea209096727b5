namespace ObservabilityStack.Agent.Shipping;

/// <summary>The outcome classes of a send.</summary>
internal enum SendKind
{
    /// <summary>202: every event is durable at the gateway or listed as rejected.</summary>
    Accepted,

    /// <summary>Network error, timeout, 429 or 5xx: send the same batch again later.</summary>
    Retry,

    /// <summary>413: the batch is too large; split it.</summary>
    TooLarge,

    /// <summary>401 or 403: the key or the network is refused; retried slowly until fixed.</summary>
    Refused,
}
