using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>Sends <see cref="RestRequest"/>s to one cluster and parses the answers.</summary>
public sealed class RestClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client for the cluster at <paramref name="baseUrl"/>.</summary>
    public RestClient(Uri baseUrl, TimeSpan timeout)
    {
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = timeout };
    }

    /// <summary>Sends a request; transport errors surface as <see cref="StepFailedException"/>.</summary>
    public async Task<RestResponse> SendAsync(RestRequest request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(request.Method, request.PathAndQuery);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content?.Headers.Remove("Content-Type");
                message.Content?.Headers.TryAddWithoutValidation("Content-Type", value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new StepFailedException($"{request.Method} {request.PathAndQuery}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StepFailedException($"{request.Method} {request.PathAndQuery}: timed out", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var warnings = response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];
            var body = request.Method == HttpMethod.Head
                ? JsonValue.Create(status is >= 200 and < 300)
                : ParseBody(text);
            return new RestResponse(status, body, text, warnings);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static JsonNode? ParseBody(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0)
        {
            return JsonValue.Create(string.Empty);
        }

        if (trimmed[0] is '{' or '[')
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Not JSON after all: assertions then see the raw text.
            }
        }

        return JsonValue.Create(text);
    }
}
