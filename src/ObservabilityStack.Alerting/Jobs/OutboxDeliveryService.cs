using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Alerting.Notifications;

namespace ObservabilityStack.Alerting.Jobs;

/// <summary>
/// Delivers the outbox in the background: at once when something is queued, and at least every
/// <see cref="PollInterval"/> for retries. Failures are counted and, repeated, raise a self-alert.
/// </summary>
public sealed class OutboxDeliveryService : BackgroundService
{
    private readonly DiskOutbox _outbox;
    private readonly IMailTransport _transport;
    private readonly NotificationDispatcher _dispatcher;
    private readonly EngineHealth _health;
    private readonly SelfMonitor _self;
    private readonly string _from;
    private readonly ILogger<OutboxDeliveryService> _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Created by dependency injection.</summary>
    public OutboxDeliveryService(DiskOutbox outbox, IMailTransport transport, NotificationDispatcher dispatcher, EngineHealth health,
        SelfMonitor self, AlertingOptions options, ILogger<OutboxDeliveryService> logger)
    {
        _outbox = outbox;
        _transport = transport;
        _dispatcher = dispatcher;
        _health = health;
        _self = self;
        _from = options.OnCall().From;
        _logger = logger;
        PollInterval = options.OutboxPollInterval;
    }

    /// <summary>Longest pause between delivery passes.</summary>
    public TimeSpan PollInterval { get; }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _dispatcher.Queued += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var report = await _outbox.DeliverDueAsync(_transport, _from, stoppingToken).ConfigureAwait(false);
                    var inARow = _health.MailPass(report.Sent, report.Failed, report.LastError);
                    if (report.Failed > 0)
                    {
                        _logger.LogWarning("{Failed} alert emails not accepted, retrying later: {Error}", report.Failed, report.LastError);
                        await _self.MailFailedAsync(inARow, report.LastError, stoppingToken).ConfigureAwait(false);
                    }
                    else if (report.Sent > 0)
                    {
                        _self.MailRecovered();
                    }
                }
                catch (IOException e)
                {
                    _logger.LogError(e, "The outbox folder could not be read");
                }

                await _wake.WaitAsync(PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _dispatcher.Queued -= Wake;
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private void Wake(object? sender, EventArgs e)
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending wake-up covers every queued item.
        }
    }
}
