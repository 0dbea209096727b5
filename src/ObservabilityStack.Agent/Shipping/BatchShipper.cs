using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Agent.Shipping;

/// <summary>
/// Delivers one batch whatever it takes: failed sends are retried with doubling delays (honouring the
/// gateway's <c>Retry-After</c>) and never given up, a batch that is too large is split, and events the
/// gateway refuses for good go to the dead-letter file with its reason. Returns only when every event is
/// either accepted or dead-lettered, or when stopped.
/// </summary>
internal sealed class BatchShipper
{
    private readonly GatewayClient _client;
    private readonly DeadLetterFile _deadLetter;
    private readonly AgentMetrics _metrics;
    private readonly TimeSpan _firstDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public BatchShipper(GatewayClient client, DeadLetterFile deadLetter, AgentMetrics metrics, TimeSpan firstDelay, TimeSpan maxDelay,
        TimeProvider clock, ILogger logger)
    {
        _client = client;
        _deadLetter = deadLetter;
        _metrics = metrics;
        _firstDelay = firstDelay;
        _maxDelay = maxDelay;
        _clock = clock;
        _logger = logger;
    }

    public async Task ShipAsync(IReadOnlyList<PendingEvent> batch, CancellationToken cancellationToken)
    {
        var delay = _firstDelay;
        while (true)
        {
            var result = await _client.SendAsync(batch, cancellationToken).ConfigureAwait(false);
            switch (result.Kind)
            {
                case SendKind.Accepted:
                    Settle(batch, result.Rejected);
                    return;
                case SendKind.TooLarge when batch.Count > 1:
                    var half = batch.Count / 2;
                    await ShipAsync([.. batch.Take(half)], cancellationToken).ConfigureAwait(false);
                    await ShipAsync([.. batch.Skip(half)], cancellationToken).ConfigureAwait(false);
                    return;
                case SendKind.TooLarge:
                    Settle(batch, [(0, $"the event is larger than the gateway accepts ({result.Detail})")]);
                    return;
                case SendKind.Refused:
                    _metrics.Refused();
                    _metrics.LastError = $"gateway refused the key or this address: {result.Detail} (check API_KEY and the gateway's trusted networks)";
                    _logger.LogError("Gateway refused the batch: {Detail}; the position is kept and the batch retried", result.Detail);
                    await WaitAsync(_maxDelay, cancellationToken).ConfigureAwait(false);
                    continue;
                default:
                    _metrics.Retried();
                    _metrics.LastError = result.Detail;
                    var wait = result.RetryAfter is { } after && after > delay ? after : delay;
                    _logger.LogWarning("Sending {Count} events failed ({Detail}); retrying in {Delay}", batch.Count, result.Detail, wait);
                    await WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _maxDelay.Ticks));
                    continue;
            }
        }
    }

    private void Settle(IReadOnlyList<PendingEvent> batch, IReadOnlyList<(int Index, string Reason)> rejected)
    {
        if (rejected.Count > 0)
        {
            _deadLetter.Append(rejected.Where(r => r.Index >= 0 && r.Index < batch.Count).Select(r => (batch[r.Index], r.Reason)), _clock.GetUtcNow());
            _metrics.DeadLettered(rejected.Count);
            _metrics.LastError = $"{rejected.Count} event(s) refused, kept in {_deadLetter.Path}: {rejected[0].Reason}";
            _logger.LogWarning("The gateway refused {Count} event(s), kept in {File}: {Reason}", rejected.Count, _deadLetter.Path, rejected[0].Reason);
        }

        _metrics.Sent(batch.Count - rejected.Count);
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, _clock, cancellationToken);
}
