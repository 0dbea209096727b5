using System.Collections.Concurrent;
using ObservabilityStack.Alerting.Notifications;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>Keeps every published notification for assertions.</summary>
internal sealed class CapturingSink : INotificationSink
{
    public ConcurrentQueue<AlertNotification> Published { get; } = new();

    public ValueTask PublishAsync(AlertNotification notification, CancellationToken cancellationToken = default)
    {
        Published.Enqueue(notification);
        return ValueTask.CompletedTask;
    }
}
