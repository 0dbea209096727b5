using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Gateway;

/// <summary>A running gateway on its own Kestrel server (<c>obs gateway</c>, tests). Stop by disposing.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base URL the gateway listens on.</summary>
    public Uri Url { get; }

    /// <summary>The application's services (for tests and embedding).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a gateway and returns once it accepts requests.</summary>
    public static async Task<GatewayHost> StartAsync(GatewayOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.LogToConsole)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        if (options.ConfigFile is { } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: true);
        }

        builder.Configuration.AddInMemoryCollection(options.ConfigOverrides);
        builder.WebHost.UseUrls(builder.Configuration["Gateway:Urls"] ?? options.Urls);
        // The slim builder leaves HTTPS out: without this, an https:// URL or a Kestrel certificate setting fails at start.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // Intake enforces its own (reloadable) body limits and answers 413 with a reason.
            k.Limits.MaxRequestBodySize = null;
        });
        builder.AddGateway(options);
        var app = builder.Build();
        app.MapIntakeApi();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        var runtime = app.Services.GetRequiredService<GatewayRuntime>();
        Log.Started(runtime.Logger, url.ToString(), runtime.Options.Elasticsearch.Url, runtime.DataDirectory);
        return new GatewayHost(app, url);
    }

    /// <summary>Completes when the host stops (Ctrl+C or <paramref name="cancellationToken"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
