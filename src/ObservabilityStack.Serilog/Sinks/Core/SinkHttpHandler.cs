using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>The connection-pooling handler both sinks send through, trusting the configured CA when there is one.</summary>
internal static class SinkHttpHandler
{
    public static SocketsHttpHandler Create(ObservabilitySinkOptions options)
    {
        // Re-resolve DNS now and then so a gateway or cluster moving behind a name is picked up.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        handler.SslOptions.RemoteCertificateValidationCallback = CertificateValidation.Create(options.CaCertificatePath);
        return handler;
    }
}
