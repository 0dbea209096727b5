using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ObservabilityStack.Samples.Common;

/// <summary>
/// What the three samples share: a builder with demo defaults (overridable by appsettings, environment variables
/// and <c>--Key=value</c> arguments) and the one line of ObservabilityStack setup a real service would have.
/// </summary>
public static class SampleHost
{
    /// <summary>Creates the builder of a sample service listening on <paramref name="urls"/>.</summary>
    /// <param name="args">Command-line arguments, e.g. <c>--ObservabilityStack:Elasticsearch:Url=http://127.0.0.1:9200</c>.</param>
    /// <param name="urls">Listen address; <c>http://127.0.0.1:0</c> picks a free port.</param>
    /// <param name="serviceName">The service name (and data stream dataset).</param>
    /// <param name="defaults">More default settings of this sample.</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, string urls, string serviceName,
        IReadOnlyDictionary<string, string?>? defaults = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = serviceName });
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ObservabilityStack:ServiceName"] = serviceName,
            ["ObservabilityStack:Environment"] = "demo",
            ["ObservabilityStack:MinimumLevel"] = "Verbose",
            ["ObservabilityStack:Elasticsearch:Url"] = "http://127.0.0.1:9200",
        };
        foreach (var (key, value) in defaults ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // Defaults go first, so appsettings, environment variables and arguments all override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = settings });
        builder.WebHost.UseUrls(urls);
        builder.AddObservabilityStack();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChaosState>();
        builder.Services.AddSingleton<OrderStore>();
        return builder;
    }

    /// <summary>The common pipeline: request logging first, then the chaos switch, then the sample's endpoints.</summary>
    public static WebApplication UseSampleDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseObservabilityRequestLogging();
        app.UseMiddleware<ChaosMiddleware>();
        app.MapChaos();
        app.MapGet("/health", () => "ok");
        app.MapGet("/api/ping", () => "pong");
        return app;
    }

    /// <summary>A named HttpClient to another sample, its base address taken from <c>Services:{name}</c>.</summary>
    public static IHttpClientBuilder AddDownstream(this WebApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var url = builder.Configuration[$"Services:{name}"]
            ?? throw new InvalidOperationException($"Set Services:{name} to the base URL of the {name} service.");
        return builder.Services.AddHttpClient(name, c => c.BaseAddress = new Uri(url));
    }
}
