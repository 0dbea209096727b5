using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ObservabilityStack.Elasticsearch.Tests.Support;
using ObservabilityStack.Elasticsearch.Transport;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Elasticsearch.Tests.Transport;

public sealed class TrustingHttpHandlerTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    [Fact]
    public async Task AHandlerGivenTheServersCaConnectsAndAsksForCompressedAnswers()
    {
        using var http = new HttpClient(TrustingHttpHandler.Create(Pem(fixture.Ca)));

        var body = await http.GetStringAsync(fixture.Server.Url);

        body.ShouldContain("acknowledged");
        fixture.Server.Requests[^1].Header("Accept-Encoding").ShouldNotBeNull().ShouldContain("gzip");
    }

    [Fact]
    public async Task AHandlerGivenAnotherCaRefusesTheServer()
    {
        using var http = new HttpClient(TrustingHttpHandler.Create(Pem(fixture.OtherCa)));

        var error = await Should.ThrowAsync<HttpRequestException>(() => http.GetStringAsync(fixture.Server.Url));

        error.InnerException.ShouldBeOfType<AuthenticationException>();
    }

    [Fact]
    public async Task AHandlerWithoutCaOrPinLeavesTrustToTheSystemStoreWhichRefusesATestCa()
    {
        using var http = new HttpClient(TrustingHttpHandler.Create(null));

        var error = await Should.ThrowAsync<HttpRequestException>(() => http.GetStringAsync(fixture.Server.Url));

        error.InnerException.ShouldBeOfType<AuthenticationException>();
    }

    [Fact]
    public async Task AMatchingFingerprintIsTrustedWithoutACaFile()
    {
        using var http = new HttpClient(TrustingHttpHandler.Create(null, TestCertificates.Fingerprint(fixture.ServerCertificate)));

        var body = await http.GetStringAsync(fixture.Server.Url);

        body.ShouldContain("acknowledged");
    }

    [Fact]
    public async Task APinnedFingerprintOfAnotherCertificateRefusesTheServerEvenWhenTheCaMatches()
    {
        using var http = new HttpClient(TrustingHttpHandler.Create(Pem(fixture.Ca), TestCertificates.Fingerprint(fixture.OtherCa)));

        var error = await Should.ThrowAsync<HttpRequestException>(() => http.GetStringAsync(fixture.Server.Url));

        error.InnerException.ShouldBeOfType<AuthenticationException>();
    }

    [Fact]
    public void AFileThatIsNotACertificateThrowsWhenTheHandlerIsBuilt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"obs-not-a-ca-{Guid.NewGuid():N}.crt");
        File.WriteAllText(path, "not a certificate");
        try
        {
            Should.Throw<CryptographicException>(() => TrustingHttpHandler.Create(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EveryHandlerPoolsTimesOutAndKeepsNoCookiesAlike()
    {
        using var handler = TrustingHttpHandler.Create(null);

        handler.PooledConnectionLifetime.ShouldBe(TimeSpan.FromMinutes(5));
        handler.PooledConnectionIdleTimeout.ShouldBe(TimeSpan.FromMinutes(1));
        handler.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        handler.UseCookies.ShouldBeFalse();
    }

    private string Pem(X509Certificate2 certificate) => fixture.Pem(certificate);
}
