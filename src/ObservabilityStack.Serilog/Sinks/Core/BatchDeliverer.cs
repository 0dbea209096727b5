using Serilog.Debugging;

namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>
/// Delivers one batch: sends, sorts the answer per item (delivered, retry, reject), retries what is retryable with
/// backoff until delivered or stopped, and dead-letters permanent rejections. Writes use the event id, so a batch
/// retried after an ambiguous failure never duplicates.
/// </summary>
internal sealed class BatchDeliverer(IBatchTransport transport, ObservabilitySinkOptions options, FailureReporter reporter)
{
    /// <summary>Returns the records still undelivered when <paramref name="stop"/> fired (empty when all were handled).</summary>
    public async Task<IReadOnlyList<LogRecord>> DeliverAsync(IReadOnlyList<LogRecord> batch, CancellationToken stop)
    {
        IReadOnlyList<LogRecord> pending = batch;
        var attempt = 0;
        while (pending.Count > 0)
        {
            TransportResult result;
            try
            {
                result = await transport.SendAsync(pending, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return pending;
            }
            catch (Exception ex)
            {
                result = TransportResult.RetryAll($"{ex.GetType().Name}: {ex.Message}");
            }

            var retry = Sort(pending, result);
            if (retry.Count == 0)
            {
                return [];
            }

            attempt++;
            reporter.Metrics.AddRetried(retry.Count);
            var delay = Backoff.Delay(attempt, options.MinBackoff, options.MaxBackoff, result.RetryAfter);
            if (attempt == 1 || attempt % 10 == 0)
            {
                SelfLog.WriteLine("Retrying {0} events in {1}: {2}", retry.Count, delay,
                    $"attempt {attempt}, {result.Reason ?? "some items were retryable"}");
            }

            try
            {
                await Task.Delay(delay, options.TimeProvider, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return retry;
            }

            pending = retry;
        }

        return [];
    }

    private List<LogRecord> Sort(IReadOnlyList<LogRecord> pending, TransportResult result)
    {
        var retry = new List<LogRecord>();
        List<(LogRecord, string)>? rejected = null;
        var delivered = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var outcome = result.OutcomeOf(i);
            switch (outcome.Kind)
            {
                case ItemOutcomeKind.Delivered:
                    delivered++;
                    break;
                case ItemOutcomeKind.Retry:
                    retry.Add(pending[i]);
                    break;
                default:
                    (rejected ??= []).Add((pending[i], outcome.Reason ?? "rejected"));
                    break;
            }
        }

        reporter.Metrics.AddSent(delivered);
        if (rejected is not null)
        {
            reporter.DeadLettered(rejected);
        }

        return retry;
    }
}
