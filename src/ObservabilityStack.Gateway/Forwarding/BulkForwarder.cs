using Microsoft.Extensions.Hosting;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Gateway.Provisioning;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Forwarding;

/// <summary>
/// Reads durable records from the log and delivers them in bulk batches, several in flight. The
/// checkpoint only moves past a batch once it and every batch before it are confirmed, so a crash
/// replays from the last fully delivered position (replays come back as 409s, counted as delivered).
/// </summary>
internal sealed class BulkForwarder : BackgroundService
{
    private readonly GatewayRuntime _runtime;
    private readonly ElasticsearchClient _client;
    private readonly SortedDictionary<long, (long End, bool Done)> _inFlight = [];
    private readonly Lock _lock = new();

    private readonly StreamProvisioning _provisioning;

    public BulkForwarder(GatewayRuntime runtime, ElasticsearchClient client, StreamProvisioning provisioning)
    {
        _runtime = runtime;
        _client = client;
        _provisioning = provisioning;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var wal = _runtime.Wal;
        var options = _runtime.Options.Delivery;
        var delivery = new BatchDelivery(_client, _runtime, _provisioning);
        using var slots = new SemaphoreSlim(Math.Max(1, options.MaxInFlight));
        using var reader = new WalReader(wal, wal.CheckpointPosition, _runtime.Logger);
        if (wal.QueuedBytes > 0)
        {
            Log.Replaying(_runtime.Logger, wal.CheckpointPosition, wal.QueuedBytes);
        }

        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                if (wal.DurablePosition - reader.Position < options.BatchBytes / 2 && options.LingerMilliseconds > 0 && wal.DurablePosition > reader.Position)
                {
                    // A partial batch waits briefly for company: fewer, fuller bulk requests under load.
                    await Task.Delay(options.LingerMilliseconds, stoppingToken);
                }

                var batch = reader.ReadBatch(options.BatchEvents, options.BatchBytes);
                if (batch is null)
                {
                    slots.Release();
                    await wal.WaitForDataAsync(reader.Position, stoppingToken);
                    continue;
                }

                lock (_lock)
                {
                    _inFlight[batch.Start] = (batch.End, false);
                }

                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunAsync(delivery, batch, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: undelivered batches stay in the log and are replayed at the next start.
        }

        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException)
        {
            // Expected when stopping mid-delivery.
        }
    }

    private async Task RunAsync(BatchDelivery delivery, WalBatch batch, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            if (batch.Entries.Count > 0)
            {
                await delivery.DeliverAsync(batch, stoppingToken);
            }

            Complete(batch.Start);
        }
        finally
        {
            batch.Dispose();
            slots.Release();
        }
    }

    private void Complete(long start)
    {
        long? checkpoint = null;
        lock (_lock)
        {
            _inFlight[start] = (_inFlight[start].End, true);
            while (_inFlight.Count > 0)
            {
                var first = _inFlight.First();
                if (!first.Value.Done)
                {
                    break;
                }

                checkpoint = first.Value.End;
                _inFlight.Remove(first.Key);
            }

            if (checkpoint is { } position)
            {
                _runtime.Wal.Commit(position);
            }
        }
    }
}
