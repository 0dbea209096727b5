namespace ObservabilityStack.Agent.Shipping;

/// <summary>What the gateway said to one batch.</summary>
/// <param name="Kind">Accepted (possibly with per-event rejections), retry later, too large, or refused (auth).</param>
/// <param name="Rejected">Index and reason of each event the gateway refused (kept in the dead letter).</param>
/// <param name="RetryAfter">The gateway's <c>Retry-After</c>, when it gave one.</param>
/// <param name="Detail">Status and reason, for logs and the status display.</param>
/// <param name="Status">The HTTP status; null when no answer came.</param>
internal sealed record SendResult(SendKind Kind, IReadOnlyList<(int Index, string Reason)> Rejected, TimeSpan? RetryAfter, string Detail, int? Status = null);
