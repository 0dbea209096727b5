using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ObservabilityStack.Elasticsearch.Transport;

/// <summary>
/// TLS trust for servers with their own CA (a cluster, the gateway behind the compose CA): validate the chain
/// against a given CA only, and/or pin a SHA-256 fingerprint the way Elastic's clients do (<c>ca_fingerprint</c>:
/// any certificate in the presented chain). The host name must match either way.
/// </summary>
public static class CertificateValidation
{
    /// <summary>
    /// A validation callback for <c>SocketsHttpHandler.SslOptions</c>, or null (the system store decides) when neither
    /// a CA file (PEM or DER) nor a fingerprint is given. Throws <see cref="CryptographicException"/> or
    /// <see cref="IOException"/> when the CA file cannot be read.
    /// </summary>
    public static RemoteCertificateValidationCallback? Create(string? caCertificatePath, string? fingerprint = null)
    {
        var pin = string.IsNullOrEmpty(fingerprint) ? null : ElasticsearchClientOptions.NormalizedFingerprint(fingerprint);
        var ca = string.IsNullOrEmpty(caCertificatePath) ? null : X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
        if (pin is null && ca is null)
        {
            return null;
        }

        return (_, certificate, chain, errors) =>
        {
            if (certificate is null)
            {
                return false;
            }

            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            if (pin is not null && !MatchesPin(leaf, chain, pin))
            {
                return false;
            }

            return ca is null || ChainsToCa(leaf, chain, ca, errors);
        };
    }

    /// <summary>The upper-case hex SHA-256 fingerprint of a certificate (as compared with a normalized pin).</summary>
    private static string Fingerprint(X509Certificate2 certificate) =>
        Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private static bool MatchesPin(X509Certificate2 leaf, X509Chain? chain, string pin)
    {
        if (Fingerprint(leaf) == pin)
        {
            return true;
        }

        if (chain is null)
        {
            return false;
        }

        foreach (var element in chain.ChainElements)
        {
            if (Fingerprint(element.Certificate) == pin)
            {
                return true;
            }
        }

        foreach (var extra in chain.ChainPolicy.ExtraStore)
        {
            if (Fingerprint(extra) == pin)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ChainsToCa(X509Certificate2 leaf, X509Chain? presented, X509Certificate2 ca, SslPolicyErrors errors)
    {
        // The host name must still match: a custom CA changes whom we trust, not which host we talk to.
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        return chain.Build(leaf);
    }
}
