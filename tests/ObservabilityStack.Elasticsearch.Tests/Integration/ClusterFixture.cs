namespace ObservabilityStack.Elasticsearch.Tests.Integration;

/// <summary>
/// The cluster for integration tests: a real one when <c>OBS_TEST_ELASTICSEARCH_URL</c> is set (with optional
/// <c>OBS_TEST_ELASTICSEARCH_API_KEY</c> and <c>OBS_TEST_ELASTICSEARCH_CA</c>), otherwise an emulator.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly EmulatorFixture _emulator = new();
    private readonly string? _url = Environment.GetEnvironmentVariable("OBS_TEST_ELASTICSEARCH_URL");

    public ElasticsearchClientOptions Options() => new()
    {
        Url = string.IsNullOrEmpty(_url) ? _emulator.Url : new Uri(_url),
        ApiKey = Environment.GetEnvironmentVariable("OBS_TEST_ELASTICSEARCH_API_KEY"),
        CaCertificatePath = Environment.GetEnvironmentVariable("OBS_TEST_ELASTICSEARCH_CA"),
    };

    public Task InitializeAsync() => string.IsNullOrEmpty(_url) ? _emulator.InitializeAsync() : Task.CompletedTask;

    public Task DisposeAsync() => string.IsNullOrEmpty(_url) ? _emulator.DisposeAsync() : Task.CompletedTask;
}
