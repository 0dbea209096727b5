namespace ObservabilityStack.Alerting.Notifications;

/// <summary>Accepts notifications decided by the engine; implementations route, group and persist them for delivery.</summary>
public interface INotificationSink
{
    /// <summary>Accepts one notification. Must persist it (or fail) before returning: nothing decided may be lost.</summary>
    ValueTask PublishAsync(AlertNotification notification, CancellationToken cancellationToken = default);
}
