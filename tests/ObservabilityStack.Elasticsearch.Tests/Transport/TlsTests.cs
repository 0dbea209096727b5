using System.Security.Cryptography.X509Certificates;
using ObservabilityStack.Elasticsearch.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Elasticsearch.Tests.Transport;

public sealed class TlsTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    private readonly X509Certificate2 _ca = fixture.Ca;
    private readonly X509Certificate2 _otherCa = fixture.OtherCa;
    private readonly X509Certificate2 _serverCertificate = fixture.ServerCertificate;
    private readonly ScriptedServer _server = fixture.Server;
    private readonly int _before = fixture.Server.Requests.Count;

    [Fact]
    public async Task ACustomCaFileAcceptsAServerCertificateItSigned()
    {
        using var client = Client(new ElasticsearchClientOptions { CaCertificatePath = Pem(_ca) });

        var health = await client.ClusterHealthAsync();

        NewRequests.ShouldBe(1);
        health.ShouldNotBeNull();
    }

    [Fact]
    public async Task ACustomCaFileRefusesAServerCertificateFromAnotherCa()
    {
        using var client = Client(new ElasticsearchClientOptions { CaCertificatePath = Pem(_otherCa), MaxRetries = 0 });

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.ClusterHealthAsync());

        error.IsConnectionFailure.ShouldBeTrue();
        error.Message.ShouldStartWith($"cannot reach Elasticsearch at {_server.Url}");
        NewRequests.ShouldBe(0);
    }

    [Fact]
    public async Task WithoutCustomTrustTheSelfSignedChainIsRefused()
    {
        using var client = Client(new ElasticsearchClientOptions { MaxRetries = 0 });

        await Should.ThrowAsync<ElasticsearchException>(() => client.ClusterHealthAsync());

        NewRequests.ShouldBe(0);
    }

    [Fact]
    public async Task AMatchingFingerprintIsAcceptedInElasticsearchsColonFormat()
    {
        using var client = Client(new ElasticsearchClientOptions
        {
            CertificateFingerprint = TestCertificates.Fingerprint(_serverCertificate),
        });

        await client.ClusterHealthAsync();

        NewRequests.ShouldBe(1);
    }

    [Fact]
    public async Task AFingerprintOfAnotherCertificateIsRefused()
    {
        using var client = Client(new ElasticsearchClientOptions
        {
            CertificateFingerprint = TestCertificates.Fingerprint(_otherCa).Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant(),
            MaxRetries = 0,
        });

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.ClusterHealthAsync());

        error.IsConnectionFailure.ShouldBeTrue();
        NewRequests.ShouldBe(0);
    }

    [Fact]
    public void AMalformedFingerprintIsRejectedWhenTheClientIsBuilt()
    {
        var error = Should.Throw<ArgumentException>(() => Client(new ElasticsearchClientOptions { CertificateFingerprint = "AB:CD" }));

        error.Message.ShouldContain("64 hex digits");
    }

    private ElasticsearchClient Client(ElasticsearchClientOptions options)
    {
        options.Url = _server.Url;
        return new ElasticsearchClient(options);
    }

    private string Pem(X509Certificate2 certificate) => fixture.Pem(certificate);

    private int NewRequests => _server.Requests.Count - _before;
}
