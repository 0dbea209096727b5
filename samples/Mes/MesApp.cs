using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Samples.Common;

namespace ObservabilityStack.Samples.Mes;

/// <summary>The manufacturing execution system sample: receives work orders from the CRM and schedules them.</summary>
public static class MesApp
{
    /// <summary>The service name, also its data stream dataset (<c>logs-mes-demo</c>).</summary>
    public const string ServiceName = "mes";

    /// <summary>Builds the app (not started), for <c>Program</c>, tests and <c>obs up --demo</c>.</summary>
    /// <param name="args">Configuration arguments (<c>--Key=value</c>).</param>
    /// <param name="urls">Listen address; port 0 picks a free one.</param>
    public static Task<WebApplication> BuildAsync(string[] args, string urls)
    {
        var builder = SampleHost.CreateBuilder(args, urls, ServiceName);
        var app = builder.Build();
        app.UseSampleDefaults();
        app.MapWorkOrders();
        return Task.FromResult(app);
    }
}
