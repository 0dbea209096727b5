using System.Text.Json;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Notifications;

/// <summary>
/// A folder of pending notifications (one JSON file each, written atomically). An SMTP outage only
/// delays them: failures back off exponentially up to <see cref="MaxBackoff"/> and are retried
/// forever; a file is deleted only after the email carrying it was accepted. Items for one recipient
/// that arrive within <see cref="GroupWait"/> go out as one email.
/// </summary>
public sealed class DiskOutbox : IDisposable
{
    private readonly string _pending;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _deliver = new(1, 1);

    /// <summary>Creates (or reopens) the outbox in <paramref name="directory"/>.</summary>
    public DiskOutbox(string directory, TimeProvider clock)
    {
        _pending = Path.Combine(directory, "pending");
        Directory.CreateDirectory(_pending);
        _clock = clock;
    }

    /// <summary>How long the first item for a recipient waits for others to join it. Default 2 seconds.</summary>
    public TimeSpan GroupWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between retries. Default 5 minutes.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Items waiting on disk.</summary>
    public int Depth => Directory.EnumerateFiles(_pending, "*.json").Count();

    /// <summary>Persists an item; returns once it is on disk.</summary>
    public async Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(_pending, $"{item.CreatedAt.UtcTicks:D20}-{item.Id}.json");
        await WriteAtomicAsync(path, item, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends every recipient's due items as one email each.</summary>
    public async Task<DeliveryReport> DeliverDueAsync(IMailTransport transport, string from, CancellationToken cancellationToken = default)
    {
        await _deliver.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _clock.GetUtcNow();
            int sent = 0, failed = 0, waiting = 0;
            string? lastError = null;
            foreach (var group in Load().GroupBy(i => i.Item.To, StringComparer.OrdinalIgnoreCase))
            {
                var items = group.ToList();
                if (items.Any(i => i.Item.NextAttemptAt > now) || items.Min(i => i.Item.CreatedAt) + GroupWait > now)
                {
                    waiting += items.Count;
                    continue;
                }

                var email = EmailComposer.Compose(items.Select(i => i.Item.Digest).ToList(), from, group.Key, items.Select(i => i.Item.Id));
                try
                {
                    await transport.SendAsync(email, cancellationToken).ConfigureAwait(false);
                    sent++;
                    foreach (var (path, _) in items)
                    {
                        File.Delete(path);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failed++;
                    waiting += items.Count;
                    lastError = $"{e.GetType().Name}: {e.Message}";
                    foreach (var (path, item) in items)
                    {
                        var attempts = item.Attempts + 1;
                        var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), MaxBackoff.TotalSeconds));
                        await WriteAtomicAsync(path, item with { Attempts = attempts, NextAttemptAt = now + backoff, LastError = lastError },
                            cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            return new DeliveryReport(sent, failed, waiting, lastError);
        }
        finally
        {
            _deliver.Release();
        }
    }

    /// <summary>Every pending item, oldest first.</summary>
    public IReadOnlyList<OutboxItem> Peek() => Load().Select(i => i.Item).ToList();

    private List<(string Path, OutboxItem Item)> Load()
    {
        var items = new List<(string, OutboxItem)>();
        foreach (var path in Directory.EnumerateFiles(_pending, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                items.Add((path, JsonSerializer.Deserialize<OutboxItem>(File.ReadAllText(path), StateJson.Options)!));
            }
            catch (JsonException)
            {
                // A torn write cannot happen (atomic rename), so this is a foreign file: set it aside, keep going.
                File.Move(path, path + ".bad", overwrite: true);
            }
        }

        return items;
    }

    private static async Task WriteAtomicAsync(string path, OutboxItem item, CancellationToken cancellationToken)
    {
        var tmp = path + ".tmp";
        await using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await JsonSerializer.SerializeAsync(stream, item, StateJson.Options, cancellationToken).ConfigureAwait(false);
        }

        File.Move(tmp, path, overwrite: true);
    }

    /// <inheritdoc/>
    public void Dispose() => _deliver.Dispose();
}
