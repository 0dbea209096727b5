using System.Security.Cryptography.X509Certificates;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Elasticsearch.Tests.Support;

/// <summary>One HTTPS scripted server (certificate signed by a test CA) shared by the TLS tests.</summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private readonly List<string> _files = [];

    internal X509Certificate2 Ca { get; } = TestCertificates.CreateCa("obs test CA");

    internal X509Certificate2 OtherCa { get; } = TestCertificates.CreateCa("someone else's CA");

    internal X509Certificate2 ServerCertificate { get; private set; } = null!;

    internal ScriptedServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ServerCertificate = TestCertificates.CreateServer(Ca);
        Server = await ScriptedServer.StartAsync(ServerCertificate);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    internal string Pem(X509Certificate2 certificate)
    {
        var path = TestCertificates.WritePem(certificate);
        _files.Add(path);
        return path;
    }
}
