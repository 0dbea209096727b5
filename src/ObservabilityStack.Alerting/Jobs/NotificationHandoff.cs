using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Jobs;

/// <summary>
/// Hands a notification from a state change to the outbox with no window in which a crash loses it.
/// The conditional state write carries the notification as pending (the intent); the outbox write follows;
/// a second conditional write clears the intent. An engine that dies between the two leaves the intent in
/// Elasticsearch, and once it is older than the grace period the next run (of any instance) claims it
/// with a conditional write and publishes it. The grace period keeps a live instance's in-flight hand-off
/// from being sent twice; a crash after queueing but before clearing can repeat a notification (the
/// email's stable Message-ID lets mail clients fold it), never drop one.
/// </summary>
internal sealed class NotificationHandoff
{
    private const int MaxClearAttempts = 3;
    private readonly IAlertStateStore _store;
    private readonly INotificationSink _sink;

    public NotificationHandoff(IAlertStateStore store, INotificationSink sink)
    {
        _store = store;
        _sink = sink;
    }

    /// <summary>The state to write for a transition: with the notification recorded as pending when there is one.</summary>
    public static AlertState WithIntent(AlertState next, NotificationKind? kind, DateTimeOffset now) =>
        kind is null ? next : next with { PendingNotification = kind, PendingSince = now };

    /// <summary>True when an intent has waited longer than <paramref name="grace"/>: its writer is gone.</summary>
    public static bool IsAbandoned(AlertState state, DateTimeOffset now, TimeSpan grace) =>
        state.PendingNotification is not null && state.PendingSince is { } since && now - since >= grace;

    /// <summary>Publishes the notification of a state this instance just wrote, then clears its intent.</summary>
    public async Task<VersionedState> CompleteAsync(VersionedState written, AlertNotification notification, CancellationToken cancellationToken)
    {
        await _sink.PublishAsync(notification, cancellationToken).ConfigureAwait(false);
        return await ClearAsync(written, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims an abandoned intent (conditional write renewing it) and publishes it. Returns the state
    /// after the attempt and whether this instance sent the notification.
    /// </summary>
    public async Task<(VersionedState State, bool Recovered)> RecoverAsync(VersionedState abandoned, string instance,
        Func<AlertState, AlertNotification> notification, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = abandoned.State with { PendingSince = now, UpdatedAt = now, UpdatedBy = instance };
        if (!await _store.TryWriteAsync(claimed, abandoned.Version, cancellationToken).ConfigureAwait(false))
        {
            // Another instance claimed or changed it first; it owns the notification now.
            return (await _store.GetAsync(abandoned.State.Id, cancellationToken).ConfigureAwait(false) ?? abandoned, false);
        }

        var written = await _store.GetAsync(claimed.Id, cancellationToken).ConfigureAwait(false) ?? new VersionedState(claimed, null);
        return (await CompleteAsync(written, notification(claimed), cancellationToken).ConfigureAwait(false), true);
    }

    private async Task<VersionedState> ClearAsync(VersionedState written, CancellationToken cancellationToken)
    {
        var current = written;
        for (var attempt = 0; attempt < MaxClearAttempts; attempt++)
        {
            if (current.State.PendingNotification != written.State.PendingNotification || current.State.PendingSince != written.State.PendingSince)
            {
                // Cleared already, or replaced by a newer change whose writer completes its own intent.
                return current;
            }

            var cleared = current.State with { PendingNotification = null, PendingSince = null };
            if (await _store.TryWriteAsync(cleared, current.Version, cancellationToken).ConfigureAwait(false))
            {
                return await _store.GetAsync(cleared.Id, cancellationToken).ConfigureAwait(false) ?? new VersionedState(cleared, null);
            }

            current = await _store.GetAsync(current.State.Id, cancellationToken).ConfigureAwait(false) ?? written;
        }

        // Still ours after repeated conflicts: the notification is queued; a later claim may repeat it, never lose it.
        return current;
    }
}
