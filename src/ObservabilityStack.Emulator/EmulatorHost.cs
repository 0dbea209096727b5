using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Emulator.Apis;
using ObservabilityStack.Emulator.Faults;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator;

/// <summary>A running emulator. Start with <see cref="StartAsync"/>, stop by disposing.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BackgroundLoops _loops;
    private readonly EmulatorContext _context;

    private EmulatorHost(WebApplication app, Uri url, BackgroundLoops loops, EmulatorContext context)
    {
        _app = app;
        Url = url;
        _loops = loops;
        _context = context;
    }

    /// <summary>The base URL the emulator listens on.</summary>
    public Uri Url { get; }

    internal Cluster Cluster => _context.Cluster;

    /// <summary>Starts an emulator and returns once it accepts requests.</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var cluster = new Cluster(options.Clock);
        var context = new EmulatorContext(cluster, new FaultInjector(), options);
        var persistence = options.DataDirectory is null ? null : Durability.Persistence.Open(options.DataDirectory, cluster);
        var ilm = new Ilm.IlmRunner(cluster);
        context.RunIlm = ilm.RunOnce;

        var router = new EsRouter();
        ClusterApi.Map(router, context);
        IndicesApi.Map(router, context);
        AliasesApi.Map(router, context);
        DocumentsApi.Map(router, context);
        BulkApi.Map(router, context);
        SearchApi.Map(router, context);
        TemplatesApi.Map(router, context);
        DataStreamsApi.Map(router, context);
        IlmApi.Map(router, context);
        EmulatorApi.Map(router, context);
        StatsApi.Map(router, context);
        CapabilitiesApi.Map(router);
        Ingest.IngestApi.Map(router, context.Ingest, options.Clock);
        context.Tasks.Map(router);
        var security = options.Security ? Security.SecuritySetup.Create(router, cluster, options) : null;
        var pipeline = new EsPipeline(router, context.Faults, security);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        app.Run(pipeline.InvokeAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var loops = BackgroundLoops.Start(cluster, ilm, options, persistence);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), loops, context);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _loops.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
