namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>
/// The answer to one request: per-item outcomes, or one verdict for the whole batch (retry it, e.g. 429/5xx
/// or a network error; or reject it, e.g. 400) with an optional <c>Retry-After</c>.
/// </summary>
internal sealed class TransportResult
{
    private TransportResult(ItemOutcome[]? items, ItemOutcomeKind wholeBatch, string? reason, TimeSpan? retryAfter)
    {
        Items = items;
        WholeBatch = wholeBatch;
        Reason = reason;
        RetryAfter = retryAfter;
    }

    /// <summary>Per-item outcomes in batch order, or null when <see cref="WholeBatch"/> applies to all.</summary>
    public ItemOutcome[]? Items { get; }

    public ItemOutcomeKind WholeBatch { get; }

    public string? Reason { get; }

    public TimeSpan? RetryAfter { get; }

    public static TransportResult PerItem(ItemOutcome[] items, TimeSpan? retryAfter = null) =>
        new(items, ItemOutcomeKind.Delivered, null, retryAfter);

    public static TransportResult AllDelivered() => new(null, ItemOutcomeKind.Delivered, null, null);

    public static TransportResult RetryAll(string reason, TimeSpan? retryAfter = null) =>
        new(null, ItemOutcomeKind.Retry, reason, retryAfter);

    public static TransportResult RejectAll(string reason) => new(null, ItemOutcomeKind.Reject, reason, null);

    public ItemOutcome OutcomeOf(int index) =>
        Items is null ? new ItemOutcome(WholeBatch, Reason) : Items[index];
}
