using ObservabilityStack.Alerting.Notifications;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>
/// Stands for an engine process that dies after its state write and before its outbox write: the
/// publish never completes and nothing after it in the run happens.
/// </summary>
internal sealed class DyingSink : INotificationSink
{
    public int Attempts { get; private set; }

    public ValueTask PublishAsync(AlertNotification notification, CancellationToken cancellationToken = default)
    {
        Attempts++;
        throw new ProcessDiedException();
    }
}
