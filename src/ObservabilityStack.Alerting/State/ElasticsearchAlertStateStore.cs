using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Alerting.State;

/// <summary>
/// Alert state in an Elasticsearch index, one document per rule and group, written with
/// <c>if_seq_no</c>/<c>if_primary_term</c> (or <c>_create</c> for a first write) so concurrent engines
/// cannot both win; history in the <c>alerts-history</c> data stream; CLI silences in their own index.
/// </summary>
public sealed class ElasticsearchAlertStateStore : IAlertStateStore
{
    private readonly ElasticsearchClient _client;
    private readonly AlertingStoreNames _names;
    private readonly ILogger _logger;

    /// <summary>Creates the store.</summary>
    public ElasticsearchAlertStateStore(ElasticsearchClient client, AlertingStoreNames names, ILogger logger)
    {
        _client = client;
        _names = names;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await CreateIndexAsync(_names.StateIndex, """
            {"mappings":{"properties":{"id":{"type":"keyword"},"rule":{"type":"keyword"},"group":{"type":"keyword"},
              "service":{"type":"keyword"},"status":{"type":"keyword"},"severity":{"type":"keyword"},
              "updated_at":{"type":"date"},"firing_since":{"type":"date"}}}}
            """, cancellationToken).ConfigureAwait(false);
        await CreateIndexAsync(_names.SilenceIndex, """
            {"mappings":{"properties":{"id":{"type":"keyword"},"rule":{"type":"keyword"},"group_key":{"type":"keyword"},
              "service":{"type":"keyword"},"starts_at":{"type":"date"},"ends_at":{"type":"date"}}}}
            """, cancellationToken).ConfigureAwait(false);
        await EnsureHistoryTemplateAsync(cancellationToken).ConfigureAwait(false);
    }

    // obs bootstrap installs the history template from elk/ (the alerting role may not manage templates);
    // the engine adds a minimal one only where none exists, e.g. against a fresh unsecured cluster.
    private async Task EnsureHistoryTemplateAsync(CancellationToken cancellationToken)
    {
        var path = $"/_index_template/{_names.HistoryStream}";
        var existing = await SendOrThrowTransportAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (existing.IsSuccess)
        {
            return;
        }

        if ((int)existing.StatusCode != 404)
        {
            _logger.LogInformation("Cannot read the {Stream} template ({Status}); relying on obs bootstrap having installed it",
                _names.HistoryStream, (int)existing.StatusCode);
            return;
        }

        var template = """
            {"index_patterns":["STREAM*"],"data_stream":{},"priority":200,
             "template":{"mappings":{"dynamic_templates":[{"labels":{"path_match":"labels.*","mapping":{"type":"keyword"}}}],
               "properties":{"@timestamp":{"type":"date"},"message":{"type":"text"},"event":{"properties":{"action":{"type":"keyword"}}},
               "service":{"properties":{"name":{"type":"keyword"}}},"labels":{"type":"object"},"attributes":{"type":"flattened"}}}},
             "_meta":{"managed_by":"obs-alerting","description":"Minimal history template; obs bootstrap installs the full one from elk/."}}
            """.Replace("STREAM", _names.HistoryStream, StringComparison.Ordinal);
        var response = await SendOrThrowTransportAsync(HttpMethod.Put, path, template, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            // History is a record, not a control path: writes are still attempted and their failures counted.
            _logger.LogWarning("Could not install the {Stream} template ({Status}); run obs bootstrap to install it",
                _names.HistoryStream, (int)response.StatusCode);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<VersionedState>> ListAsync(string? rule, CancellationToken cancellationToken = default)
    {
        var query = rule is null
            ? new JsonObject { ["match_all"] = new JsonObject() }
            : new JsonObject { ["term"] = new JsonObject { ["rule"] = rule } };
        var body = new JsonObject { ["size"] = 10_000, ["seq_no_primary_term"] = true, ["query"] = query };
        using var doc = await SearchAsync(_names.StateIndex, body, cancellationToken).ConfigureAwait(false);
        var states = new List<VersionedState>();
        if (doc is null)
        {
            return states;
        }

        foreach (var hit in doc.RootElement.GetProperty("hits").GetProperty("hits").EnumerateArray())
        {
            var state = hit.GetProperty("_source").Deserialize<AlertState>(StateJson.Options)!;
            states.Add(new VersionedState(state, Version(hit)));
        }

        return states;
    }

    /// <inheritdoc/>
    public async Task<VersionedState?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await SendOrThrowTransportAsync(HttpMethod.Get, $"/{_names.StateIndex}/_doc/{Uri.EscapeDataString(id)}", null, cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using var doc = response.IsSuccess ? response.ToJsonDocument() : throw Failure("GET state", response);
        var root = doc.RootElement;
        if (root.TryGetProperty("found", out var found) && found.ValueKind == JsonValueKind.False)
        {
            return null;
        }

        return new VersionedState(root.GetProperty("_source").Deserialize<AlertState>(StateJson.Options)!, Version(root));
    }

    /// <inheritdoc/>
    public async Task<bool> TryWriteAsync(AlertState state, StateVersion? expected, CancellationToken cancellationToken = default)
    {
        var id = Uri.EscapeDataString(state.Id);
        var path = expected is { } v
            ? $"/{_names.StateIndex}/_doc/{id}?if_seq_no={v.SeqNo}&if_primary_term={v.PrimaryTerm}&refresh=true"
            : $"/{_names.StateIndex}/_create/{id}?refresh=true";
        var response = await SendOrThrowTransportAsync(HttpMethod.Put, path, JsonSerializer.Serialize(state, StateJson.Options), cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        return response.IsSuccess ? true : throw Failure("write state", response);
    }

    /// <inheritdoc/>
    public async Task AppendHistoryAsync(AlertHistoryEntry entry, CancellationToken cancellationToken = default)
    {
        var json = HistoryDocument.From(entry);
        var response = await SendOrThrowTransportAsync(HttpMethod.Post, $"/{_names.HistoryStream}/_doc?op_type=create",
            json.ToJsonString(), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw Failure("append history", response);
        }
    }

    /// <inheritdoc/>
    public async Task AddSilenceAsync(Silence silence, CancellationToken cancellationToken = default)
    {
        var response = await SendOrThrowTransportAsync(HttpMethod.Put, $"/{_names.SilenceIndex}/_doc/{Uri.EscapeDataString(silence.Id)}?refresh=true",
            JsonSerializer.Serialize(silence, StateJson.Options), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw Failure("store silence", response);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Silence>> ListSilencesAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        using var doc = await SearchAsync(_names.SilenceIndex, new JsonObject { ["size"] = 10_000 }, cancellationToken).ConfigureAwait(false);
        if (doc is null)
        {
            return [];
        }

        return doc.RootElement.GetProperty("hits").GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("_source").Deserialize<Silence>(StateJson.Options)!)
            .Where(s => s.EndsAt > now)
            .ToList();
    }

    private async Task<JsonDocument?> SearchAsync(string index, JsonObject body, CancellationToken cancellationToken)
    {
        var response = await SendOrThrowTransportAsync(HttpMethod.Post, $"/{index}/_search", body.ToJsonString(), cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return response.IsSuccess ? response.ToJsonDocument() : throw Failure($"search {index}", response);
    }

    private async Task CreateIndexAsync(string index, string body, CancellationToken cancellationToken)
    {
        var response = await SendOrThrowTransportAsync(HttpMethod.Put, $"/{index}", body, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess && response.StatusCode != HttpStatusCode.BadRequest)
        {
            throw Failure($"create {index}", response);
        }
    }

    private async Task<Elasticsearch.Transport.ElasticsearchResponse> SendOrThrowTransportAsync(HttpMethod method, string path, string? json,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _client.SendJsonAsync(method, path, json, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ElasticsearchUnavailableException($"Elasticsearch at {_client.Options.Url} is unreachable: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ElasticsearchUnavailableException($"Elasticsearch at {_client.Options.Url} timed out", e);
        }
    }

    private static ElasticsearchUnavailableException Failure(string what, Elasticsearch.Transport.ElasticsearchResponse response)
    {
        var body = System.Text.Encoding.UTF8.GetString(response.Body.Span);
        return new ElasticsearchUnavailableException($"Could not {what}: {(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}");
    }

    private static StateVersion? Version(JsonElement hit) =>
        hit.TryGetProperty("_seq_no", out var seq) && hit.TryGetProperty("_primary_term", out var term)
            ? new StateVersion(seq.GetInt64(), term.GetInt64())
            : null;
}
