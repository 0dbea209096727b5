using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// Imports <c>kibana-dashboards/*.ndjson</c> through Kibana's saved-objects import API
/// (<c>POST /api/saved_objects/_import?overwrite=true</c>, multipart) after checking Kibana's version.
/// The plan compares our objects with Kibana's (<c>_bulk_get</c>): new objects make it a create, changed
/// ones an update, and when everything matches nothing is imported. A Kibana that cannot list its objects
/// gets the import with overwrite, which is idempotent.
/// </summary>
internal sealed class KibanaImporter
{
    private readonly KibanaTarget _kibana;
    private readonly IReadOnlyList<string> _files;

    public KibanaImporter(KibanaTarget kibana, IReadOnlyList<string> files)
    {
        _kibana = kibana;
        _files = files;
    }

    public async Task<PlanStep> PlanAsync(CancellationToken cancellationToken)
    {
        var version = await CheckAsync(cancellationToken).ConfigureAwait(false);
        // Read once: the same lines are compared now and uploaded if the plan is applied.
        var lines = _files.SelectMany(File.ReadLines).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var objects = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var ndjson = string.Join('\n', lines) + "\n";
        var name = $"{objects.Count} objects from {_files.Count} files";
        var existing = await BulkGetAsync(objects, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return new PlanStep("Kibana saved objects", name, PlanAction.Update,
                $"import with overwrite into Kibana {version} (it could not list its objects for comparison)", ct => ImportAsync(ndjson, ct));
        }

        var missing = existing.Count(e => e.Theirs is null);
        var changed = existing.Count(e => e.Theirs is not null && !SavedObjectDiff.Matches(e.Ours, e.Theirs));
        var action = missing > 0 ? PlanAction.Create : changed > 0 ? PlanAction.Update : PlanAction.Unchanged;
        return new PlanStep("Kibana saved objects", name, action,
            $"Kibana {version}: {missing} new, {changed} changed, {objects.Count - missing - changed} unchanged", ct => ImportAsync(ndjson, ct));
    }

    // Kibana's copy of each object (null where it has none), or null when the API is unavailable.
    private async Task<List<(JsonObject Ours, JsonObject? Theirs)>?> BulkGetAsync(List<JsonObject> objects, CancellationToken cancellationToken)
    {
        var body = new JsonArray([.. objects.Select(o => new JsonObject { ["type"] = o["type"]?.DeepClone(), ["id"] = o["id"]?.DeepClone() })]);
        using var request = Request(HttpMethod.Post, "/api/saved_objects/_bulk_get");
        request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await _kibana.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))?["saved_objects"] as JsonArray;
        if (answer is null || answer.Count != objects.Count)
        {
            return null;
        }

        // Answers come in request order; an object Kibana does not have carries an error instead.
        return [.. objects.Select((o, i) => (o, answer[i] is JsonObject found && found["error"] is null ? found : null))];
    }

    private async Task<string> CheckAsync(CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "/api/status");
        HttpResponseMessage response;
        try
        {
            response = await _kibana.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ProvisioningException(ProvisioningFailureKind.Unreachable,
                $"Cannot reach Kibana at {_kibana.Url}: {ex.Message} Is it up (it takes a minute to start)? Or leave out --kibana.", ex);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new ProvisioningException(ProvisioningFailureKind.Unauthorized,
                    $"Kibana at {_kibana.Url} refused the credentials ({(int)response.StatusCode}); it uses the same user or API key as Elasticsearch.");
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var version = response.IsSuccessStatusCode ? TryVersion(body) : null;
            if (version is null)
            {
                throw new ProvisioningException(ProvisioningFailureKind.Unreachable,
                    $"Kibana at {_kibana.Url} answered {(int)response.StatusCode} to /api/status without a version. Is it still starting?");
            }

            var major = int.Parse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture);
            if (major is < ClusterProbe.MinimumMajor or > ClusterProbe.MaximumMajor)
            {
                throw new ProvisioningException(ProvisioningFailureKind.UnsupportedVersion,
                    $"Kibana {version} at {_kibana.Url} is not supported: use 8.x or 9.x.");
            }

            return version;
        }
    }

    private async Task<string?> ImportAsync(string ndjson, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "/api/saved_objects/_import?overwrite=true");
        using var form = new MultipartFormDataContent();
        var file = new StringContent(ndjson);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/ndjson");
        form.Add(file, "file", "obs-saved-objects.ndjson");
        request.Content = form;
        using var response = await _kibana.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var result = response.IsSuccessStatusCode ? JsonNode.Parse(body) : null;
        if (result?["success"]?.GetValue<bool>() != true)
        {
            throw new ProvisioningException(ProvisioningFailureKind.Rejected,
                $"Kibana refused the saved objects ({(int)response.StatusCode}): {(body.Length > 500 ? body[..500] : body)}");
        }

        return $"{result["successCount"]} saved objects imported into {_kibana.Url}";
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(_kibana.Url, path));
        request.Headers.Add("kbn-xsrf", "obs-bootstrap");
        if (_kibana.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static string? TryVersion(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["version"]?["number"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
