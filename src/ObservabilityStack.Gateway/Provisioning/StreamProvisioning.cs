using System.Collections.Concurrent;
using System.Text.Json;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Documents;
using ObservabilityStack.Elasticsearch.Provisioning;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Provisioning;

/// <summary>
/// First-seen services: before the first delivery to a data stream this process has not provisioned yet,
/// its service gets the ILM policy and index template from the provisioning code (<c>elk/</c> assets), so
/// the stream is created from them. Cached per data stream; a failure is retried like a failed bulk request.
/// </summary>
internal sealed class StreamProvisioning
{
    private readonly GatewayRuntime _runtime;
    private readonly ServiceProvisioner? _provisioner;
    private readonly ConcurrentDictionary<string, bool> _ready = new(StringComparer.Ordinal);
    // One provisioning run per stream even when several in-flight batches meet it at once.
    private readonly ConcurrentDictionary<string, Lazy<Task>> _running = new(StringComparer.Ordinal);

    public StreamProvisioning(GatewayRuntime runtime, ElasticsearchClient client)
    {
        _runtime = runtime;
        var options = runtime.Options.Provisioning;
        if (options.Mode == ProvisioningMode.Provision)
        {
            // Loaded (and checked) at start: broken or missing assets stop the gateway here, not at the first event.
            _provisioner = new ServiceProvisioner(client, ProvisioningAssets.Load(AssetsLocator.ElkDirectory(options.AssetsDirectory), null));
        }
    }

    /// <summary>Data streams provisioned by this process.</summary>
    public IReadOnlyCollection<string> Ready => [.. _ready.Keys];

    /// <summary>Provisions every data stream of <paramref name="batch"/> not provisioned yet (usually none: a dictionary look-up per stream).</summary>
    public async Task EnsureAsync(WalBatch batch, CancellationToken cancellationToken)
    {
        if (_provisioner is null || _runtime.Options.Provisioning.Mode != ProvisioningMode.Provision)
        {
            return;
        }

        var entries = batch.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            // Batches hold long runs of one stream: only a change of stream costs a string and a look-up.
            if (i > 0 && entry.Index.SequenceEqual(entries[i - 1].Index))
            {
                continue;
            }

            var index = entry.IndexString;
            if (!_ready.ContainsKey(index))
            {
                var service = ServiceName(entry.Document.Span) ?? throw new InvalidDataException($"record for {index} has no service.name");
                await EnsureStreamAsync(index, service, Namespace(index), _runtime.Options.Provisioning.DefaultRetentionDays,
                    _runtime.Options.Provisioning.DefaultOwner, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Provisions <c>logs-deadletter-{namespace}</c> for the stream <paramref name="failedIndex"/> before its first dead letter.</summary>
    public Task EnsureDeadLetterAsync(string failedIndex, CancellationToken cancellationToken)
    {
        var ns = Namespace(failedIndex);
        var index = DataStreamName.DeadLetter(ns);
        return _provisioner is null || _runtime.Options.Provisioning.Mode != ProvisioningMode.Provision || _ready.ContainsKey(index)
            ? Task.CompletedTask
            : EnsureStreamAsync(index, ServiceCatalog.DeadLetterService, ns, _runtime.Options.Provisioning.DeadLetterRetentionDays, "platform", cancellationToken);
    }

    private async Task EnsureStreamAsync(string index, string service, string ns, int retentionDays, string owner, CancellationToken cancellationToken)
    {
        var run = _running.GetOrAdd(index, _ => new Lazy<Task>(() => ProvisionAsync(index, service, ns, retentionDays, owner, cancellationToken)));
        try
        {
            await run.Value.ConfigureAwait(false);
        }
        finally
        {
            // Done or failed: the next batch either finds the stream ready or starts a fresh attempt.
            _running.TryRemove(KeyValuePair.Create(index, run));
        }
    }

    private async Task ProvisionAsync(string index, string service, string ns, int retentionDays, string owner, CancellationToken cancellationToken)
    {
        var changed = await _provisioner!.EnsureAsync(new ServiceDefinition(service, owner, retentionDays, [ns]), cancellationToken).ConfigureAwait(false);
        _ready[index] = true;
        _runtime.Metrics.AddProvisioned();
        Log.StreamProvisioned(_runtime.Logger, index, service, changed.Count == 0 ? "already in place" : string.Join(", ", changed.Select(s => $"{s.Kind} {s.Name}")));
    }

    private static string Namespace(string index) => index[(index.LastIndexOf('-') + 1)..];

    // service.name as the normaliser wrote it (always present, nested under "service").
    private static string? ServiceName(ReadOnlySpan<byte> document)
    {
        var reader = new Utf8JsonReader(document);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isService = reader.ValueTextEquals("service"u8);
            reader.Read();
            if (!isService || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isName = reader.ValueTextEquals("name"u8);
                reader.Read();
                if (isName && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }

            return null;
        }

        return null;
    }
}
