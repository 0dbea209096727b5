using Microsoft.Extensions.Logging;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Jobs;

/// <summary>
/// Watches the engine itself. After <see cref="Threshold"/> Elasticsearch failures in a row it mails a
/// self-alert (mail does not need Elasticsearch), and a resolved notice once a run succeeds again.
/// After repeated mail failures it records a self-alert in the history stream (Elasticsearch does not
/// need mail) and logs it; both show on /health.
/// </summary>
public sealed class SelfMonitor
{
    /// <summary>Rule name of self-alerts.</summary>
    public const string RuleName = "obs-alerting";

    private readonly INotificationSink _sink;
    private readonly IAlertStateStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly AlertRule _rule;
    private int _storeAlert;
    private int _mailAlert;

    /// <summary>Creates the monitor.</summary>
    public SelfMonitor(INotificationSink sink, IAlertStateStore store, TimeProvider clock, IReadOnlyList<string> receivers, ILogger logger)
    {
        _sink = sink;
        _store = store;
        _clock = clock;
        _logger = logger;
        _rule = new AlertRule
        {
            Name = RuleName,
            Type = RuleType.Query,
            Description = "The alert engine itself",
            Severity = Severity.Critical,
            Receivers = receivers,
            Threshold = 0,
        };
    }

    /// <summary>Failures in a row that raise a self-alert. Default 3.</summary>
    public int Threshold { get; init; } = 3;

    /// <summary>True while an Elasticsearch self-alert is open.</summary>
    public bool StoreAlertActive => Volatile.Read(ref _storeAlert) == 1;

    /// <summary>True while a mail self-alert is open.</summary>
    public bool MailAlertActive => Volatile.Read(ref _mailAlert) == 1;

    /// <summary>Called after a run failed for good.</summary>
    public async Task StoreFailedAsync(int inARow, string error, CancellationToken cancellationToken = default)
    {
        if (inARow < Threshold || Interlocked.Exchange(ref _storeAlert, 1) == 1)
        {
            return;
        }

        var detail = $"Elasticsearch is failing: {inARow} rule runs in a row could not query it. Last error: {error}";
        _logger.LogCritical("Self-alert: {Detail}", detail);
        await _sink.PublishAsync(Notification(NotificationKind.SelfAlert, "elasticsearch", detail), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Called after a successful run.</summary>
    public async Task StoreRecoveredAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _storeAlert) == 0 || Interlocked.Exchange(ref _storeAlert, 0) == 0)
        {
            return;
        }

        await _sink.PublishAsync(Notification(NotificationKind.Resolved, "elasticsearch", "Elasticsearch answers again; rule runs succeed."),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Called after a delivery pass with failures.</summary>
    public async Task MailFailedAsync(int inARow, string? error, CancellationToken cancellationToken = default)
    {
        if (inARow < Threshold || Interlocked.Exchange(ref _mailAlert, 1) == 1)
        {
            return;
        }

        _logger.LogCritical("Self-alert: mail delivery failed {InARow} times in a row; alerts wait in the outbox. Last error: {Error}", inARow, error);
        try
        {
            await _store.AppendHistoryAsync(new AlertHistoryEntry
            {
                Timestamp = _clock.GetUtcNow(),
                Rule = RuleName,
                Group = "mail",
                Status = AlertStatus.Firing,
                Notification = NotificationKind.SelfAlert,
                Value = inARow,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ElasticsearchUnavailableException e)
        {
            _logger.LogCritical("Neither mail nor Elasticsearch is reachable: {Error}", e.Message);
        }
    }

    /// <summary>Called after a delivery pass that sent mail.</summary>
    public void MailRecovered() => Interlocked.Exchange(ref _mailAlert, 0);

    private AlertNotification Notification(NotificationKind kind, string group, string detail)
    {
        var now = _clock.GetUtcNow();
        return new AlertNotification
        {
            Kind = kind,
            Rule = _rule,
            State = AlertState.New(_rule, group, null) with
            {
                Status = kind == NotificationKind.Resolved ? AlertStatus.Resolved : AlertStatus.Firing,
                FiringSince = now,
            },
            At = now,
            Detail = detail,
        };
    }
}
