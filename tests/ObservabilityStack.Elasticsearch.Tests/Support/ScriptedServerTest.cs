namespace ObservabilityStack.Elasticsearch.Tests.Support;

/// <summary>Base for tests that talk to a fresh scripted server through a client with instant retry delays.</summary>
public abstract class ScriptedServerTest : IAsyncLifetime
{
    internal ScriptedServer Server { get; private set; } = null!;

    internal InstantTimeProvider Time { get; } = new();

    public async Task InitializeAsync() => Server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    internal ElasticsearchClient Client(Action<ElasticsearchClientOptions>? configure = null)
    {
        var options = new ElasticsearchClientOptions { Url = Server.Url, RetryBaseDelay = TimeSpan.FromMilliseconds(100) };
        configure?.Invoke(options);
        return new ElasticsearchClient(options, null, Time);
    }
}
