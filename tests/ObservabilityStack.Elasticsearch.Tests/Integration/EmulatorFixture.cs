using ObservabilityStack.Emulator;

namespace ObservabilityStack.Elasticsearch.Tests.Integration;

/// <summary>An emulator on a free port with a throwaway data directory, shared by one test class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"obs-es-client-{Guid.NewGuid():N}");
    private EmulatorHost? _host;

    public Uri Url => _host!.Url;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, DataDirectory = _data });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }
}
