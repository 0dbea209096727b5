using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Alerting.Jobs;

namespace ObservabilityStack.Alerting;

/// <summary>
/// A running alert engine with its /health endpoint: what <c>obs alerting</c>, <c>obs up</c> and the
/// container run. Start with <see cref="StartAsync"/>, stop by disposing.
/// </summary>
public sealed class AlertingHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AlertingHost(WebApplication app, Uri? url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Base URL of /health, or null when <see cref="AlertingOptions.Urls"/> is null.</summary>
    public Uri? Url { get; }

    /// <summary>The engine's services (health counters, scheduler, outbox...).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Counters shown on /health.</summary>
    public EngineHealth Health => _app.Services.GetRequiredService<EngineHealth>();

    /// <summary>
    /// Loads rules (throwing <see cref="Rules.RuleLoadException"/> with file/line/field errors when they are
    /// invalid), starts the scheduler, outbox delivery and /health, and returns once running.
    /// </summary>
    public static Task<AlertingHost> StartAsync(AlertingOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, null, cancellationToken);

    /// <summary>As <see cref="StartAsync(AlertingOptions, CancellationToken)"/>, letting the caller replace services (tests).</summary>
    public static async Task<AlertingHost> StartAsync(AlertingOptions options, Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls ?? "http://127.0.0.1:0");
        // Quartz and ASP.NET Core narrate every start step at Information; on-call needs our own events.
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Services.AddAlerting(options);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        // Load the rules now so a bad file fails the start with its errors, not the first job.
        app.Services.GetRequiredService<Rules.RuleSetProvider>();
        app.MapGet("/health", (HttpContext context) => HealthReport.Write(context, app.Services));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        Uri? url = null;
        if (options.Urls is not null)
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }

        return new AlertingHost(app, url);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
