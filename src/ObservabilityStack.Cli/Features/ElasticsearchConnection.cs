using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Cli.Features;

/// <summary>A client plus the HttpClient it runs on, disposed together.</summary>
internal sealed class ElasticsearchConnection : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a connection over an owned HttpClient.</summary>
    public ElasticsearchConnection(ElasticsearchClientOptions options, HttpClient http)
    {
        _http = http;
        Client = new ElasticsearchClient(options, http);
    }

    /// <summary>The client.</summary>
    public ElasticsearchClient Client { get; }

    /// <summary>The HttpClient (shared with Kibana calls so they trust the same CA).</summary>
    public HttpClient Http => _http;

    /// <inheritdoc/>
    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
