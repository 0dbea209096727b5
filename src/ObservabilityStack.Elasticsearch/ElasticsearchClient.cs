using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Elasticsearch;

/// <summary>
/// Typed client for the Elasticsearch REST subset the product uses. Thread-safe; share one instance.
/// Every call goes through one code path (<see cref="SendAsync"/>'s core) that adds auth and compatibility
/// headers and retries retryable failures with backoff. Typed methods throw <see cref="ElasticsearchException"/>
/// for error answers; <see cref="SendAsync"/> returns them.
/// </summary>
public sealed partial class ElasticsearchClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly string _baseUrl;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly MediaTypeWithQualityHeaderValue _accept;
    private long _retryCount;

    /// <summary>Creates a client with its own connection pool (TLS trust from the options).</summary>
    public ElasticsearchClient(ElasticsearchClientOptions options)
        : this(options, null, TimeProvider.System)
    {
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/> (TLS options then are the caller's).</summary>
    public ElasticsearchClient(ElasticsearchClientOptions options, HttpClient http)
        : this(options, http, TimeProvider.System)
    {
    }

    /// <summary>
    /// Creates a client; <paramref name="http"/> null builds an owned one. <paramref name="timeProvider"/>
    /// drives retry delays (tests pass a fake).
    /// </summary>
    public ElasticsearchClient(ElasticsearchClientOptions options, HttpClient? http, TimeProvider timeProvider)
    {
        options.Validate();
        Options = options;
        _time = timeProvider;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient(TrustingHttpHandler.Create(options.CaCertificatePath, options.CertificateFingerprint), disposeHandler: true);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _baseUrl = options.RedactedUrl.TrimEnd('/');
        _authorization = CreateAuthorization(options);
        _accept = MediaTypeWithQualityHeaderValue.Parse(JsonMediaType);
    }

    /// <summary>The options this client was built with.</summary>
    public ElasticsearchClientOptions Options { get; }

    /// <summary>Called before each retry (from the request's thread); use it to count or log retries.</summary>
    public Action<ElasticsearchRetry>? OnRetry { get; set; }

    /// <summary>Total retries this client has made since it was created.</summary>
    public long RetryCount => Interlocked.Read(ref _retryCount);

    /// <summary>
    /// Low-level: sends one request, once (no retries; callers of this method run their own retry policy), with
    /// auth and compatibility headers. Never throws for HTTP error statuses (inspect the response). Connection
    /// failures surface as HttpClient's <see cref="HttpRequestException"/> and timeouts as
    /// <see cref="TaskCanceledException"/>. The typed methods retry and throw <see cref="ElasticsearchException"/>.
    /// </summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path and query relative to the cluster URL, e.g. <c>/_bulk?refresh=true</c>.</param>
    /// <param name="body">Optional body (JSON or NDJSON).</param>
    /// <param name="contentType">Content type of the body. Default <c>application/json</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ElasticsearchResponse> SendAsync(HttpMethod method, string path, HttpContent? body = null,
        string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        if (body is not null)
        {
            var type = body.Headers.ContentType?.MediaType ?? contentType;
            body.Headers.ContentType = ContentTypeFor(type);
        }

        return await SendCoreAsync(method, path, () => body, idempotent: false, cancellationToken, raw: true)
            .ConfigureAwait(false);
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

    /// <summary>Describes the connection without secrets.</summary>
    public override string ToString() => $"ElasticsearchClient {Options}";

    private static AuthenticationHeaderValue? CreateAuthorization(ElasticsearchClientOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            var key = string.IsNullOrEmpty(options.ApiKeyId)
                ? options.ApiKey
                : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ApiKeyId}:{options.ApiKey}"));
            return new AuthenticationHeaderValue("ApiKey", key);
        }

        if (!string.IsNullOrEmpty(options.BearerToken))
        {
            return new AuthenticationHeaderValue("Bearer", options.BearerToken);
        }

        var user = options.Username;
        var password = options.Password;
        if (string.IsNullOrEmpty(user) && !string.IsNullOrEmpty(options.Url.UserInfo))
        {
            var parts = options.Url.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        }

        return string.IsNullOrEmpty(user)
            ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }
}
