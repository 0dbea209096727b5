using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace ObservabilityStack.Samples.Shop;

/// <summary>The shop's one page: an order form, plus a hook that reports browser errors to the gateway.</summary>
internal static class ShopPage
{
    public static void MapShopPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (IConfiguration configuration) =>
        {
            var url = JavaScriptEncoder.Default.Encode(configuration["BrowserLogs:Url"]?.TrimEnd('/') ?? string.Empty);
            var key = JavaScriptEncoder.Default.Encode(configuration["BrowserLogs:ApiKey"] ?? string.Empty);
            return Results.Content(Html.Replace("{{GATEWAY}}", url, StringComparison.Ordinal).Replace("{{KEY}}", key, StringComparison.Ordinal), "text/html");
        });
    }

    private const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Demo shop</title></head>
        <body>
        <h1>Demo shop</h1>
        <form id="order">
          <label>User <input name="userId" value="u-1001"></label>
          <label>SKU <input name="sku" value="SKU-42"></label>
          <label>Quantity <input name="quantity" type="number" value="2"></label>
          <button>Order</button>
        </form>
        <button id="broken">Trigger a browser error</button>
        <pre id="result"></pre>
        <script>
        const gateway = "{{GATEWAY}}", key = "{{KEY}}";
        function report(type, message, stack) {
          if (!gateway || !key) { console.warn("browser logs not configured", message); return; }
          const doc = { "@timestamp": new Date().toISOString(), message: message,
            log: { level: "error", logger: "shop.frontend" }, error: { type: type, message: message, stack_trace: stack || "" },
            url: { path: location.pathname }, user_agent: { original: navigator.userAgent } };
          fetch(gateway + "/v1/browser-logs?api_key=" + encodeURIComponent(key),
            { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" }, body: JSON.stringify(doc) });
        }
        window.addEventListener("error", e => report(e.error ? e.error.name : "Error", e.message, e.error && e.error.stack));
        window.addEventListener("unhandledrejection", e => report("UnhandledRejection", String(e.reason), e.reason && e.reason.stack));
        document.getElementById("broken").onclick = () => { null.checkout(); };
        document.getElementById("order").onsubmit = async e => {
          e.preventDefault();
          const f = new FormData(e.target);
          const body = { userId: f.get("userId"), lines: [{ sku: f.get("sku"), quantity: Number(f.get("quantity")) }], total: 19.99 * Number(f.get("quantity")) };
          const response = await fetch("/api/orders", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
          document.getElementById("result").textContent = response.status + " " + await response.text();
          if (!response.ok) { throw new Error("Order failed with " + response.status); }
        };
        </script>
        </body></html>
        """;
}
