using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ObservabilityStack.Tests.Shared;

/// <summary>
/// Makes a throwaway CA and a server certificate for 127.0.0.1/localhost signed by it, like ES 8's auto-TLS or the
/// compose stack's certs service. Compiled into every test project (tests/Directory.Build.props).
/// </summary>
internal static class TestCertificates
{
    public static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    public static X509Certificate2 CreateServer(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
        using var withKey = signed.CopyWithPrivateKey(key);

        // Round-trip through PFX so Kestrel's SslStream gets a key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes the certificate as PEM (what ES ships as http_ca.crt) to a temp file.</summary>
    public static string WritePem(X509Certificate2 certificate)
    {
        var path = Path.Combine(Path.GetTempPath(), $"obs-ca-{Guid.NewGuid():N}.crt");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>Writes a server certificate and its private key as a PEM pair (what Kestrel's Path/KeyPath settings read).</summary>
    public static (string Certificate, string Key) WritePemPair(X509Certificate2 server, string directory)
    {
        var certificate = Path.Combine(directory, "server.crt");
        var key = Path.Combine(directory, "server.key");
        File.WriteAllText(certificate, server.ExportCertificatePem());
        using var privateKey = server.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The server certificate has no EC key.");
        File.WriteAllText(key, privateKey.ExportPkcs8PrivateKeyPem());
        return (certificate, key);
    }

    /// <summary>The fingerprint the way Elasticsearch prints it: colon-separated upper-case hex.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', SHA256.HashData(certificate.RawData).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
}
