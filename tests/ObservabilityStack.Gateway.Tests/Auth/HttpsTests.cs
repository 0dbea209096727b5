using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Auth;

/// <summary>HTTPS through Kestrel's standard certificate settings, the way the compose stack configures it (PEM files).</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task TheGatewayServesHttpsFromPemFilesAndAcceptsLogsOverIt()
    {
        var directory = Path.Combine(Path.GetTempPath(), "obs-gw-tls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var certificate = SelfSigned("localhost");
        var certFile = Path.Combine(directory, "gateway.crt");
        var keyFile = Path.Combine(directory, "gateway.key");
        await File.WriteAllTextAsync(certFile, certificate.ExportCertificatePem());
        using (var key = certificate.GetRSAPrivateKey()!)
        {
            await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
        }

        await using var gateway = await TestGateway.StartAsync(o =>
        {
            o.Urls = "https://127.0.0.1:0";
            o.ConfigOverrides["Kestrel:Certificates:Default:Path"] = certFile;
            o.ConfigOverrides["Kestrel:Certificates:Default:KeyPath"] = keyFile;
        }, directory: directory);

        gateway.Host.Url.Scheme.ShouldBe("https");
        X509Certificate2? presented = null;
        using var handler = new HttpClientHandler
        {
            // Trust exactly the certificate the gateway was given, and remember what it presented.
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                presented = cert is null ? null : X509CertificateLoader.LoadCertificate(cert.RawData);
                return cert?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var https = new HttpClient(handler) { BaseAddress = gateway.Host.Url };
        https.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", gateway.Key);

        using var answer = await https.PostAsync("/v1/logs", new StringContent("""{"message":"over tls","log":{"level":"info"}}""", Encoding.UTF8, "application/json"));

        answer.StatusCode.ShouldBe(HttpStatusCode.Accepted, await answer.Content.ReadAsStringAsync());
        presented.ShouldNotBeNull().Thumbprint.ShouldBe(certificate.Thumbprint);
        using var plain = new HttpClient { BaseAddress = new Uri(gateway.Host.Url.ToString().Replace("https://", "http://", StringComparison.Ordinal)) };
        await Should.ThrowAsync<HttpRequestException>(() => plain.GetAsync("/health/live"));
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
