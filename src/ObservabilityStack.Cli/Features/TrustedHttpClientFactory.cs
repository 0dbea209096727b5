using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ObservabilityStack.Cli.Core;

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
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (caCertificatePath is not null)
        {
            var ca = LoadCertificate(caCertificatePath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && ChainsTo(certificate, ca, errors));
        }

        return new HttpClient(handler, disposeHandler: true);
    }

    private static X509Certificate2 LoadCertificate(string path)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read the CA certificate '{path}': {ex.Message} Pass a PEM or DER file with --ca-cert.",
                ExitCodes.Usage, ex);
        }
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2 ca, SslPolicyErrors errors)
    {
        // A name mismatch is never forgiven; only the "unknown root" part is re-checked against our CA.
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
