using System.Globalization;
using System.Text;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Documents;

namespace ObservabilityStack.Benchmarks.Alerting;

/// <summary>Seeds request-log documents into per-service data streams with large bulk requests.</summary>
internal static class AlertsLoadSeeder
{
    public static readonly string[] Services = ["shop-frontend", "shop-api", "crm-frontend", "crm-api", "mes-frontend", "mes-api"];

    /// <summary>
    /// Seeds <paramref name="count"/> documents over the <paramref name="spread"/> before <paramref name="now"/>. In time
    /// order (<paramref name="shuffled"/> false) each bulk covers the next slice of time, as logs arrive from shippers
    /// (a few seconds of jitter inside a bulk); shuffled, every bulk spreads over the whole period, the worst case
    /// for the emulator, whose refreshed runs then all overlap in time.
    /// </summary>
    public static async Task SeedAsync(ElasticsearchClient client, int count, DateTimeOffset now, TimeSpan spread, bool shuffled,
        CancellationToken cancellationToken)
    {
        const int batch = 5000;
        var random = new Random(42);
        var start = now - spread;
        for (var done = 0; done < count; done += batch)
        {
            var body = new StringBuilder(batch * 260);
            for (var i = 0; i < Math.Min(batch, count - done); i++)
            {
                var service = Services[random.Next(Services.Length)];
                var at = shuffled
                    ? now - TimeSpan.FromMilliseconds(random.NextDouble() * spread.TotalMilliseconds)
                    : start + (spread * ((done + i) / (double)count)) - TimeSpan.FromMilliseconds(random.NextDouble() * 3000);
                Append(body, service, at, random.Next(100) < 1 ? 500 : 200, $"/p{random.Next(20)}", $"10.0.{random.Next(4)}.{random.Next(250)}");
            }

            await SendAsync(client, body, cancellationToken);
        }
    }

    public static async Task BurstAsync(ElasticsearchClient client, string service, DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            Append(body, service, now - TimeSpan.FromMilliseconds(i * 10), 503, "/orders", "10.9.9.9");
        }

        await SendAsync(client, body, cancellationToken);
    }

    private static void Append(StringBuilder body, string service, DateTimeOffset at, int status, string path, string ip)
    {
        body.Append("{\"create\":{\"_index\":\"").Append(DataStreamName.For(service, "production")).Append("\"}}\n");
        body.Append(CultureInfo.InvariantCulture,
            $"{{\"@timestamp\":\"{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"service\":{{\"name\":\"{service}\"}},\"log\":{{\"level\":\"{(status >= 500 ? "error" : "info")}\"}},\"message\":\"GET {path} {status}\",\"http\":{{\"response\":{{\"status_code\":{status}}}}},\"url\":{{\"path\":\"{path}\"}},\"client\":{{\"ip\":\"{ip}\"}}}}\n");
    }

    private static async Task SendAsync(ElasticsearchClient client, StringBuilder body, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(HttpMethod.Post, "/_bulk", new StringContent(body.ToString(), Encoding.UTF8), "application/x-ndjson",
            cancellationToken);
        if (!response.IsSuccess)
        {
            throw new InvalidOperationException($"bulk failed: {(int)response.StatusCode}");
        }
    }
}
