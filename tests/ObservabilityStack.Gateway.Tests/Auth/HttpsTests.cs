using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Elasticsearch.Transport;
using ObservabilityStack.Gateway.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Gateway.Tests.Auth;

/// <summary>HTTPS through Kestrel's standard certificate settings, the way the compose stack configures it (PEM files).</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task TheGatewayServesHttpsFromPemFilesToClientsThatTrustItsCa()
    {
        var directory = Path.Combine(Path.GetTempPath(), "obs-gw-tls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var ca = TestCertificates.CreateCa("obs test CA");
        using var server = TestCertificates.CreateServer(ca);
        var (certificateFile, keyFile) = TestCertificates.WritePemPair(server, directory);
        var caFile = TestCertificates.WritePem(ca);

        await using var gateway = await TestGateway.StartAsync(o =>
        {
            o.Urls = "https://127.0.0.1:0";
            o.ConfigOverrides["Kestrel:Certificates:Default:Path"] = certificateFile;
            o.ConfigOverrides["Kestrel:Certificates:Default:KeyPath"] = keyFile;
        }, directory: directory);

        gateway.Host.Url.Scheme.ShouldBe("https");
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = CertificateValidation.Create(caFile);
        using var trusting = new HttpClient(handler) { BaseAddress = gateway.Host.Url };
        trusting.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", gateway.Key);
        using var answer = await trusting.PostAsync("/v1/logs", new StringContent("""{"message":"over tls","log":{"level":"info"}}""", Encoding.UTF8, "application/json"));
        answer.StatusCode.ShouldBe(HttpStatusCode.Accepted, await answer.Content.ReadAsStringAsync());

        // A client that trusts only the system store refuses the private CA; plain HTTP gets no answer.
        using var untrusting = new HttpClient { BaseAddress = gateway.Host.Url };
        await Should.ThrowAsync<HttpRequestException>(() => untrusting.GetAsync("/health/live"));
        using var plain = new HttpClient { BaseAddress = new Uri(gateway.Host.Url.ToString().Replace("https://", "http://", StringComparison.Ordinal)) };
        await Should.ThrowAsync<HttpRequestException>(() => plain.GetAsync("/health/live"));
        File.Delete(caFile);
    }
}
