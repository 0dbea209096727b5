using System.Net;

namespace ObservabilityStack.Elasticsearch.Transport;

/// <summary>
/// The one connection-pooling handler every HTTP client of the stack sends through (this library's client, the Serilog
/// sinks, the agent, the CLI), trusting the system store or a private CA and/or a pinned fingerprint
/// (<see cref="CertificateValidation"/>), so all of them pool, time out and decompress alike.
/// </summary>
public static class TrustingHttpHandler
{
    /// <summary>How long a pooled connection is reused (5 minutes): a server moving behind a DNS name is picked up.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How long an idle pooled connection is kept (1 minute).</summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a TCP and TLS connect may take (10 seconds): an address that drops packets fails fast with a
    /// connection error instead of using up the whole request timeout.
    /// </summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Creates a handler with the settings above, gzip and deflate responses decompressed, no cookie jar (no server
    /// of ours sets one, and a proxy's cookies must not follow requests around) and, when
    /// <paramref name="caCertificatePath"/> or <paramref name="fingerprint"/> is given, the server's certificate
    /// checked as <see cref="CertificateValidation.Create(string?, string?)"/> describes; otherwise the system store decides.
    /// The caller owns (disposes) the handler, usually by handing it to an <see cref="HttpClient"/>.
    /// </summary>
    /// <param name="caCertificatePath">PEM or DER file of the CA the server's certificate must chain to, or null.</param>
    /// <param name="fingerprint">SHA-256 fingerprint (hex, colons allowed) one certificate of the chain must have, or null.</param>
    /// <exception cref="IOException">The CA file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The CA file may not be read.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The CA file is not a certificate.</exception>
    public static SocketsHttpHandler Create(string? caCertificatePath, string? fingerprint = null)
    {
        // The validation is built first: a CA file that cannot be read throws before there is a handler to leak.
        var validation = CertificateValidation.Create(caCertificatePath, fingerprint);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
            ConnectTimeout = ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
        };
        if (validation is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validation;
        }

        return handler;
    }
}
