using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Samples.Common.Traffic;

/// <summary>
/// One customer action against the shop's order API per call (create, read, edit, change status, or a deliberately
/// wrong request), counted in <see cref="TrafficStats"/>. Never throws for an HTTP failure: that is what the
/// dashboards and alert rules are there to see.
/// </summary>
internal sealed class ShopRequests(HttpClient http, TrafficStats stats, KnownOrders orders)
{
    private static readonly (string Sku, decimal Price)[] Catalog =
    [
        ("SKU-BOLT-M8", 0.35m), ("SKU-NUT-M8", 0.12m), ("SKU-GEAR-40T", 18.90m), ("SKU-SHAFT-200", 42.00m),
        ("SKU-BEARING-6204", 6.75m), ("SKU-MOTOR-24V", 129.00m), ("SKU-BELT-HTD5M", 11.40m), ("SKU-PANEL-ALU", 23.50m),
    ];

    public async Task CreateAsync(Random random, CancellationToken cancellationToken)
    {
        var lines = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => Catalog[random.Next(Catalog.Length)])
            .Select(item => (item.Sku, item.Price, Quantity: random.Next(1, 25)))
            .ToList();
        var body = new OrderRequest(null, UserId(random), lines.Select(l => new OrderLine(l.Sku, l.Quantity)).ToList(),
            lines.Sum(l => l.Price * l.Quantity));
        using var response = await SendAsync(HttpMethod.Post, "/api/orders", body, cancellationToken).ConfigureAwait(false);
        if (response?.StatusCode == HttpStatusCode.Created)
        {
            var created = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
            if (created?["id"]?.GetValue<string>() is { } id)
            {
                orders.Add(id);
                stats.AddCreated();
            }
        }
    }

    public async Task ReadAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync<object>(HttpMethod.Get, $"/api/orders/{Uri.EscapeDataString(id)}", null, cancellationToken).ConfigureAwait(false);
        if (response?.StatusCode == HttpStatusCode.OK)
        {
            stats.AddRead();
        }
    }

    public async Task EditAsync(string id, Random random, CancellationToken cancellationToken)
    {
        // A customer changes the quantity of one item: the order is replaced by one with a single line.
        var (sku, price) = Catalog[random.Next(Catalog.Length)];
        var quantity = random.Next(1, 25);
        var body = new OrderRequest(null, UserId(random), [new OrderLine(sku, quantity)], price * quantity);
        using var response = await SendAsync(HttpMethod.Put, $"/api/orders/{Uri.EscapeDataString(id)}", body, cancellationToken).ConfigureAwait(false);
        if (response?.StatusCode == HttpStatusCode.OK)
        {
            stats.AddEdited();
        }
    }

    public async Task AdvanceAsync(string id, CancellationToken cancellationToken)
    {
        if (orders.Advance(id) is not { } status)
        {
            return;
        }

        using var response = await SendAsync(HttpMethod.Post, $"/api/orders/{Uri.EscapeDataString(id)}/status", new StatusRequest(status), cancellationToken)
            .ConfigureAwait(false);
        if (response?.StatusCode == HttpStatusCode.OK)
        {
            stats.AddStatusChanged();
        }
    }

    /// <summary>What real clients get wrong: an order without lines (400) or an order id that does not exist (404).</summary>
    public async Task MistakeAsync(Random random, CancellationToken cancellationToken)
    {
        using var response = random.Next(2) == 0
            ? await SendAsync(HttpMethod.Post, "/api/orders", new OrderRequest(null, UserId(random), [], 0), cancellationToken).ConfigureAwait(false)
            : await SendAsync<object>(HttpMethod.Get, "/api/orders/ord-" + random.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture), null, cancellationToken)
                .ConfigureAwait(false);
    }

    private static string UserId(Random random) => "u-" + random.Next(1000, 1060).ToString(CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage?> SendAsync<T>(HttpMethod method, string path, T? body, CancellationToken cancellationToken)
    {
        stats.AddRequest();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            stats.AddUnreachable();
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            stats.AddUnreachable();
            return null;
        }

        switch ((int)response.StatusCode)
        {
            case >= 500:
                stats.AddServerError();
                break;
            case >= 400:
                stats.AddClientError();
                break;
        }

        return response;
    }
}
