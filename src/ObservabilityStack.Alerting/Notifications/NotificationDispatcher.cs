using Microsoft.Extensions.Logging;
using ObservabilityStack.Alerting.OnCall;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Notifications;

/// <summary>
/// The engine's <see cref="INotificationSink"/>: routes each notification to addresses, renders it once,
/// and persists one outbox item per address before returning. Delivery happens in the background.
/// </summary>
public sealed class NotificationDispatcher : INotificationSink
{
    private readonly OnCallRouter _router;
    private readonly DiskOutbox _outbox;
    private readonly Uri? _kibana;
    private readonly IReadOnlyList<string> _selfAlertReceivers;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private int _dropped;

    /// <summary>Creates the dispatcher.</summary>
    public NotificationDispatcher(OnCallRouter router, DiskOutbox outbox, Uri? kibana, IReadOnlyList<string> selfAlertReceivers,
        TimeProvider clock, ILogger logger)
    {
        _router = router;
        _outbox = outbox;
        _kibana = kibana;
        _selfAlertReceivers = selfAlertReceivers;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Raised after items were queued, so the delivery loop can run at once.</summary>
    public event EventHandler? Queued;

    /// <summary>Notifications with no address to go to (counted and logged, never silent).</summary>
    public int Unroutable => Volatile.Read(ref _dropped);

    /// <inheritdoc/>
    public async ValueTask PublishAsync(AlertNotification notification, CancellationToken cancellationToken = default)
    {
        var recipients = notification.Kind == NotificationKind.SelfAlert
            ? _router.Recipients(notification with { Rule = notification.Rule with { Receivers = _selfAlertReceivers } })
            : _router.Recipients(notification);
        if (recipients.Count == 0)
        {
            Interlocked.Increment(ref _dropped);
            _logger.LogError("Alert {Rule}/{Group} ({Kind}) has no deliverable receiver (receivers: {Receivers})",
                notification.Rule.Name, notification.State.Group, notification.Kind, string.Join(", ", notification.Rule.Receivers));
            return;
        }

        var digest = DigestRenderer.Render(notification, _kibana);
        var now = _clock.GetUtcNow();
        foreach (var to in recipients)
        {
            await _outbox.EnqueueAsync(new OutboxItem { To = to, Digest = digest, CreatedAt = now, NextAttemptAt = now }, cancellationToken)
                .ConfigureAwait(false);
        }

        _logger.LogInformation("{Subject} queued for {Recipients}", digest.Subject, string.Join(", ", recipients));
        Queued?.Invoke(this, EventArgs.Empty);
    }
}
