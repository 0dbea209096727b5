namespace ObservabilityStack.Alerting.Notifications;

/// <summary>What one pass over the outbox did.</summary>
/// <param name="Sent">Emails accepted by the server.</param>
/// <param name="Failed">Emails that failed and were rescheduled.</param>
/// <param name="Waiting">Items still queued (grouping or backing off).</param>
/// <param name="LastError">The last failure's message, if any.</param>
public sealed record DeliveryReport(int Sent, int Failed, int Waiting, string? LastError);
