using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// Imports <c>kibana-dashboards/*.ndjson</c> through Kibana's saved-objects import API
/// (<c>POST /api/saved_objects/_import?overwrite=true</c>, multipart) after checking Kibana's version.
/// Import with overwrite is itself idempotent, so the plan always lists it as an update.
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
        var objects = _files.Sum(f => File.ReadLines(f).Count(l => !string.IsNullOrWhiteSpace(l)));
        return new PlanStep("Kibana saved objects", $"{objects} objects from {_files.Count} files", PlanAction.Update,
            $"import with overwrite into Kibana {version}", ImportAsync);
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

    private async Task<string?> ImportAsync(CancellationToken cancellationToken)
    {
        var ndjson = string.Join('\n', _files.Select(File.ReadAllText).Select(t => t.Trim())) + "\n";
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
