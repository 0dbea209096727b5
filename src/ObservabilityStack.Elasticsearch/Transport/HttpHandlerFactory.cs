using System.Net;

namespace ObservabilityStack.Elasticsearch.Transport;

/// <summary>Builds the connection-pooling handler the client owns, with TLS trust from the options.</summary>
internal static class HttpHandlerFactory
{
    public static SocketsHttpHandler Create(ElasticsearchClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // Re-resolve DNS now and then so a cluster moving behind a name is picked up.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
        };
        var validation = CertificateValidation.Create(options);
        if (validation is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validation;
        }

        return handler;
    }
}
