using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Samples.Common;

namespace ObservabilityStack.Samples.Crm;

/// <summary>The CRM sample: registers customer orders from the shop and hands them to the MES.</summary>
public static class CrmApp
{
    /// <summary>The service name, also its data stream dataset (<c>logs-crm-demo</c>).</summary>
    public const string ServiceName = "crm";

    /// <summary>Builds the app (not started). <c>Services:Mes</c> is the MES base URL (default port 5082).</summary>
    /// <param name="args">Configuration arguments (<c>--Key=value</c>).</param>
    /// <param name="urls">Listen address; port 0 picks a free one.</param>
    public static Task<WebApplication> BuildAsync(string[] args, string urls)
    {
        var builder = SampleHost.CreateBuilder(args, urls, ServiceName,
            new Dictionary<string, string?> { ["Services:Mes"] = "http://127.0.0.1:5082" });
        builder.AddDownstream("Mes");
        var app = builder.Build();
        app.UseSampleDefaults();
        app.MapCustomerOrders();
        return Task.FromResult(app);
    }
}
