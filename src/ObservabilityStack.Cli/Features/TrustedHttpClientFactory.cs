using System.Security.Cryptography;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Cli.Features;

/// <summary>
/// HttpClients that trust either the system store or one given CA (the certificate Elasticsearch's
/// setup generated), never "trust anything".
/// </summary>
internal static class TrustedHttpClientFactory
{
    /// <summary>Creates a client; with <paramref name="caCertificatePath"/> the server must chain to that CA.</summary>
    public static HttpClient Create(string? caCertificatePath)
    {
        SocketsHttpHandler handler;
        try
        {
            handler = TrustingHttpHandler.Create(caCertificatePath);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read the CA certificate '{caCertificatePath}': {ex.Message} Pass a PEM or DER file with --ca-cert.",
                ExitCodes.Usage, ex);
        }

        return new HttpClient(handler, disposeHandler: true);
    }
}
