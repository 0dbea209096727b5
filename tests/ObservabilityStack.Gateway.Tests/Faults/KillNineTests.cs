using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Faults;

/// <summary>The gateway as a real child process (<c>dotnet obs.dll gateway</c>), killed with SIGKILL in the middle of a load.</summary>
public class KillNineTests
{
    [Fact]
    public async Task AfterKillNineEveryAcknowledgedEventArrivesExactlyOnce()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        var data = Path.Combine(Path.GetTempPath(), "obs-gw-kill-" + Guid.NewGuid().ToString("N"));
        var (_, key) = ApiKeys.Create(Path.Combine(data, "keys.json"), "shop-api", ["production"], false, [], DateTimeOffset.UtcNow);
        var acknowledged = new ConcurrentBag<string>();
        var (first, url) = await GatewayProcess.StartAsync(data, es.Url);
        try
        {
            using var http = new HttpClient { BaseAddress = url };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
            var batches = 0;
            var senders = Enumerable.Range(0, 4).Select(async s =>
            {
                for (var b = 0; ; b++)
                {
                    var ids = Enumerable.Range(0, 50).Select(i => $"k-{s}-{b}-{i}").ToArray();
                    var body = string.Concat(ids.Select(id => $"{{\"message\":\"{id}\",\"event\":{{\"id\":\"{id}\"}}}}\n"));
                    try
                    {
                        using var response = await http.PostAsync("/v1/logs", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
                        if (response.StatusCode != HttpStatusCode.Accepted)
                        {
                            continue;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }

                    foreach (var id in ids)
                    {
                        acknowledged.Add(id);
                    }

                    Interlocked.Increment(ref batches);
                }
            }).ToArray();
            while (Volatile.Read(ref batches) < 40)
            {
                await Task.Delay(10);
            }

            first.Kill();
            await first.WaitForExitAsync();
            await Task.WhenAll(senders);
        }
        finally
        {
            if (!first.HasExited)
            {
                first.Kill();
            }

            first.Dispose();
        }

        var (second, _) = await GatewayProcess.StartAsync(data, es.Url);
        try
        {
            var expected = acknowledged.ToHashSet(StringComparer.Ordinal);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var documents = await es.DocumentsAsync("logs-shop_api-production");
            while (!expected.All(documents.ContainsKey) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
                documents = await es.DocumentsAsync("logs-shop_api-production");
            }

            expected.Count.ShouldBeGreaterThanOrEqualTo(2000);
            expected.Where(id => !documents.ContainsKey(id)).ShouldBeEmpty();
            // Every stored document is an id we sent, once (a second copy of an id would show up with a #dup suffix).
            documents.Keys.ShouldAllBe(id => id.StartsWith("k-", StringComparison.Ordinal) && !id.Contains('#', StringComparison.Ordinal));
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
            second.Dispose();
            Directory.Delete(data, recursive: true);
        }
    }
}
