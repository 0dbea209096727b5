using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Samples.Common;

namespace ObservabilityStack.Samples.Shop;

/// <summary>The online shop sample: a tiny page plus the order API that starts the flow shop → CRM → MES.</summary>
public static class ShopApp
{
    /// <summary>The service name, also its data stream dataset (<c>logs-shop-demo</c>).</summary>
    public const string ServiceName = "shop";

    /// <summary>
    /// Builds the app (not started). <c>Services:Crm</c> is the CRM base URL (default port 5081);
    /// <c>BrowserLogs:Url</c> and <c>BrowserLogs:ApiKey</c> (a browser key) let the page report its errors to the gateway.
    /// </summary>
    /// <param name="args">Configuration arguments (<c>--Key=value</c>).</param>
    /// <param name="urls">Listen address; port 0 picks a free one.</param>
    public static Task<WebApplication> BuildAsync(string[] args, string urls)
    {
        var builder = SampleHost.CreateBuilder(args, urls, ServiceName,
            new Dictionary<string, string?> { ["Services:Crm"] = "http://127.0.0.1:5081" });
        builder.AddDownstream("Crm");
        var app = builder.Build();
        app.UseSampleDefaults();
        app.MapShopPage();
        app.MapShopOrders();
        return Task.FromResult(app);
    }
}
