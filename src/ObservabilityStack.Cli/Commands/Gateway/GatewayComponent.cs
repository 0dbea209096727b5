using System.Net.Sockets;
using ObservabilityStack.Cli.Commands.Stack.Up;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Cli.Commands.Gateway;

/// <summary>
/// The gateway inside <c>obs up</c>: same process, data under <c>{data}/gateway</c>, delivering to the
/// stack's Elasticsearch, with a development key (for service <c>dev</c>, environment <c>development</c>)
/// kept in <c>{data}/gateway/dev-key</c> (mode 0600) and printed at start.
/// </summary>
internal sealed class GatewayComponent : IStackComponent
{
    /// <inheritdoc/>
    public string Name => "gateway";

    /// <inheritdoc/>
    public async Task<IAsyncDisposable> StartAsync(StackContext context, CancellationToken cancellationToken)
    {
        var data = Path.Combine(context.DataDirectory, "gateway");
        Directory.CreateDirectory(data);
        var options = new GatewayOptions
        {
            Urls = $"http://127.0.0.1:{context.GatewayPort}",
            DataDirectory = data,
            LogToConsole = false,
            Elasticsearch =
            {
                Url = context.Elasticsearch.Url.ToString(),
                ApiKey = context.Elasticsearch.ApiKey,
                Username = context.Elasticsearch.Username,
                Password = context.Elasticsearch.Password,
            },
        };
        var key = DevelopmentKey(options.ResolveKeysFile(), Path.Combine(data, "dev-key"));
        GatewayHost host;
        try
        {
            host = await GatewayHost.StartAsync(options, cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            // 8080 is taken: any free port will do for development.
            options.Urls = "http://127.0.0.1:0";
            host = await GatewayHost.StartAsync(options, cancellationToken);
        }

        context.Report("gateway", host.Url.ToString(), $"POST /v1/logs, /_bulk with 'Authorization: ApiKey {key}' (service dev, env development)");
        return host;
    }

    private static string DevelopmentKey(string keysFile, string keyFile)
    {
        if (File.Exists(keyFile))
        {
            var existing = File.ReadAllText(keyFile).Trim();
            var id = ApiKeys.IdOf(existing);
            var record = ApiKeys.Load(keysFile).Keys.Find(k => k.Id == id && k.Revoked is null);
            if (record is not null && ApiKeys.Matches(record, existing))
            {
                return existing;
            }
        }

        var (_, key) = ApiKeys.Create(keysFile, "dev", ["development"], false, [], DateTimeOffset.UtcNow);
        File.WriteAllText(keyFile, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
