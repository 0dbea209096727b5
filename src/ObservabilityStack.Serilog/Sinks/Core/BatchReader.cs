using System.Threading.Channels;

namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>Takes one batch from a channel: waits for the first item, then fills by count and bytes until the period ends.</summary>
internal static class BatchReader
{
    public static async Task<IReadOnlyList<TOut>?> ReadAsync<TIn, TOut>(ChannelReader<TIn> reader, Func<TIn, TOut> convert,
        Func<TOut, long> sizeOf, ObservabilitySinkOptions options, CancellationToken cancellationToken)
    {
        if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var batch = new List<TOut>();
        long bytes = 0;
        var deadline = options.TimeProvider.GetTimestamp();
        while (true)
        {
            while (batch.Count < options.BatchSizeLimit && bytes < options.BatchBytesLimit && reader.TryRead(out var item))
            {
                var converted = convert(item);
                batch.Add(converted);
                bytes += sizeOf(converted);
            }

            var remaining = options.Period - options.TimeProvider.GetElapsedTime(deadline);
            if (batch.Count >= options.BatchSizeLimit || bytes >= options.BatchBytesLimit || remaining <= TimeSpan.Zero
                || reader.Completion.IsCompleted)
            {
                return batch;
            }

            using var timer = new CancellationTokenSource(remaining, options.TimeProvider);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
                {
                    return batch;
                }
            }
            catch (OperationCanceledException)
            {
                // Period over, or a hard stop: either way the records already taken go back to the caller,
                // which sends them or counts them as undelivered; they must not vanish here.
                return batch;
            }
        }
    }
}
