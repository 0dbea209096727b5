using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Elasticsearch;

/// <summary>
/// Thin client for the Elasticsearch REST subset the product uses. Thread-safe; share one instance.
/// This low-level <see cref="SendAsync"/> is the single code path every typed call goes through.
/// </summary>
public sealed class ElasticsearchClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client with its own <see cref="HttpClient"/>.</summary>
    public ElasticsearchClient(ElasticsearchClientOptions options)
        : this(options, new HttpClient(), ownsHttp: true)
    {
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/>.</summary>
    public ElasticsearchClient(ElasticsearchClientOptions options, HttpClient http)
        : this(options, http, ownsHttp: false)
    {
    }

    private ElasticsearchClient(ElasticsearchClientOptions options, HttpClient http, bool ownsHttp)
    {
        Options = options;
        _http = http;
        _ownsHttp = ownsHttp;
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The options this client was built with.</summary>
    public ElasticsearchClientOptions Options { get; }

    /// <summary>Sends one request; never throws for HTTP error statuses (inspect the response).</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path and query relative to the cluster URL, e.g. <c>/_bulk?refresh=true</c>.</param>
    /// <param name="body">Optional body (JSON or NDJSON).</param>
    /// <param name="contentType">Content type of the body. Default <c>application/json</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ElasticsearchResponse> SendAsync(HttpMethod method, string path, HttpContent? body = null,
        string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(Options.Url, path));
        if (body is not null)
        {
            body.Headers.ContentType ??= MediaTypeHeaderValue.Parse(contentType);
            request.Content = body;
        }

        if (!string.IsNullOrEmpty(Options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", Options.ApiKey);
        }
        else if (!string.IsNullOrEmpty(Options.Username))
        {
            var raw = Encoding.UTF8.GetBytes($"{Options.Username}:{Options.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token)
            .ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        return new ElasticsearchResponse(response.StatusCode, bytes);
    }

    /// <summary>Sends a JSON string body.</summary>
    public Task<ElasticsearchResponse> SendJsonAsync(HttpMethod method, string path, string? json,
        CancellationToken cancellationToken = default) =>
        SendAsync(method, path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
            cancellationToken: cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
