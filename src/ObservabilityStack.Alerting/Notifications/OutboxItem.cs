namespace ObservabilityStack.Alerting.Notifications;

/// <summary>One rendered notification for one recipient, persisted until an email carrying it is accepted.</summary>
public sealed record OutboxItem
{
    /// <summary>Unique id.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>Recipient address.</summary>
    public required string To { get; init; }

    /// <summary>The rendered notification.</summary>
    public required AlertDigest Digest { get; init; }

    /// <summary>When it was queued (grouping starts here).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Failed delivery attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Not before this instant (backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; init; }
}
