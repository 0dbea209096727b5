using System.Net.Http.Headers;

namespace ObservabilityStack.Serilog.Sinks.Elasticsearch;

/// <summary>
/// Remembers the <c>Retry-After</c> of the last answer, which <c>ElasticsearchResponse</c> does not carry.
/// The sink loop sends one request at a time, so "last" is unambiguous.
/// </summary>
internal sealed class RetryAfterCaptureHandler : DelegatingHandler
{
    public RetryAfterCaptureHandler()
        : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    public RetryConditionHeaderValue? LastRetryAfter { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRetryAfter = null;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        LastRetryAfter = response.Headers.RetryAfter;
        return response;
    }
}
