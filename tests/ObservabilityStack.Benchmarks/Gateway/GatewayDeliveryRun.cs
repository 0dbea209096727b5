using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Benchmarks.LoadRuns;
using ObservabilityStack.Emulator;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// <c>load gateway-delivery [events]</c>: end-to-end delivery into the in-process emulator against the
/// emulator's own bulk ingest of the same events in the same run: how close the gateway (intake, WAL,
/// provisioning, bulk forwarding) gets to the rate Elasticsearch-the-emulator can take at all.
/// </summary>
public sealed class GatewayDeliveryRun : ILoadRun
{
    private const int Connections = 4;

    /// <inheritdoc/>
    public string Name => "gateway-delivery";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var lines = Encoding.UTF8.GetString(EcsNdjsonBody.Build(500, out _)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Console.WriteLine($"gateway delivery: {events} events, load average {GatewayLoadRun.LoadAverage()}");
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 }, cancellationToken);
        var direct = await DirectAsync(emulator.Url, lines, events, cancellationToken);
        var viaGateway = await ThroughGatewayAsync(emulator.Url, lines, events, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"emulator bulk directly  {direct,10:F0} events/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"via gateway (delivered) {viaGateway,10:F0} events/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio gateway/direct: {viaGateway / direct:F2}; load average after {GatewayLoadRun.LoadAverage()}"));
        return 0;
    }

    // 2,000-event create bulks straight into the emulator over the same number of connections.
    private static async Task<double> DirectAsync(Uri url, string[] lines, int events, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = url };
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) * 2000 < events)
            {
                var body = new StringBuilder(2000 * 1000);
                for (var i = 0; i < 2000; i++)
                {
                    var n = (batch * 2000) + i;
                    body.Append(CultureInfo.InvariantCulture, $"{{\"create\":{{\"_index\":\"logs-direct-production\",\"_id\":\"d-{n}\"}}}}\n").Append(lines[n % lines.Length]).Append('\n');
                }

                using var response = await http.PostAsync("/_bulk", new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"the emulator answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
        }));
        return events / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<double> ThroughGatewayAsync(Uri url, string[] lines, int events, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "obs-gw-delivery-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new GatewayOptions
            {
                Urls = "http://127.0.0.1:0",
                DataDirectory = directory,
                LogToConsole = false,
                Elasticsearch = { Url = url.ToString() },
                RateLimits = { RequestsPerSecondPerKey = 0 },
                Wal = { MaxBytes = 64L * 1024 * 1024 * 1024 },
            };
            var (_, key) = ApiKeys.Create(options.ResolveKeysFile(), "shop-api", ["production"], false, [], DateTimeOffset.UtcNow);
            await using var host = await GatewayHost.StartAsync(options, cancellationToken);
            var runtime = (GatewayRuntime)host.Services.GetService(typeof(GatewayRuntime))!;
            var body = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
            using var http = new HttpClient { BaseAddress = host.Url };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
            var next = -1;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) * lines.Length < events)
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                    using var response = await http.PostAsync("/v1/logs", content, cancellationToken);
                    response.EnsureSuccessStatusCode();
                }
            }));
            var sent = runtime.Metrics.Accepted;
            while (runtime.Metrics.Delivered < sent && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(20, cancellationToken);
            }

            return sent / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
