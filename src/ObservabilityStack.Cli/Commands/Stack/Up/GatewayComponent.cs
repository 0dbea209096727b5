using ObservabilityStack.Gateway;

namespace ObservabilityStack.Cli.Commands.Stack.Up;

/// <summary>Runs the gateway in-process for <c>obs up</c>, delivering to the stack's Elasticsearch.</summary>
internal sealed class GatewayComponent : IStackComponent
{
    /// <inheritdoc/>
    public string Name => "gateway";

    /// <inheritdoc/>
    public async Task<IAsyncDisposable> StartAsync(StackContext context, CancellationToken cancellationToken)
    {
        var es = context.Elasticsearch;
        var data = Path.Combine(context.DataDirectory, "gateway");
        var options = new GatewayOptions
        {
            Urls = $"http://127.0.0.1:{context.GatewayPort}",
            DataDirectory = data,
            // obs up prints its own summary; the gateway's request logs would drown it.
            LogToConsole = false,
            Elasticsearch = new GatewayElasticsearchOptions
            {
                Url = es.Url.ToString(),
                ApiKey = es.ApiKey,
                Username = es.Username,
                Password = es.Password,
            },
        };
        var host = await GatewayHost.StartAsync(options, cancellationToken);
        context.Report(Name, host.Url.ToString(),
            "log intake (POST /v1/logs, /v1/browser-logs, /_bulk); keys file " + Path.Combine(data, "keys.json"));
        return host;
    }
}
