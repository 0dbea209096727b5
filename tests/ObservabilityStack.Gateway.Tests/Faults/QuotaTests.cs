using System.Net;
using System.Text;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Faults;

public class QuotaTests
{
    [Fact]
    public async Task AFullDiskQuotaAnswers429AndNothingAcknowledgedIsLost()
    {
        await using var es = await FakeElasticsearch.StartAsync();
        var port = es.Url.Port;
        await es.StopAsync();
        await using var gateway = await TestGateway.StartAsync(o => o.Wal.MaxBytes = 40_000, new Uri($"http://127.0.0.1:{port}"));
        var acknowledged = new List<string>();
        HttpResponseMessage? refused = null;
        for (var b = 0; b < 100 && refused is null; b++)
        {
            var ids = Enumerable.Range(0, 20).Select(i => $"q-{b}-{i}").ToArray();
            var body = string.Concat(ids.Select(id => $"{{\"message\":\"{id} {new string('p', 100)}\",\"event\":{{\"id\":\"{id}\"}}}}\n"));
            var response = await gateway.Http.PostAsync("/v1/logs", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                acknowledged.AddRange(ids);
            }
            else
            {
                refused = response;
            }
        }

        refused.ShouldNotBeNull();
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("queue_full");
        (await gateway.Http.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        await es.StartOnAsync(port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (es.CountIn("logs-shop_api-production") < acknowledged.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        acknowledged.Where(id => !es.Documents.ContainsKey(("logs-shop_api-production", id))).ShouldBeEmpty();
        var again = await gateway.Http.PostAsync("/v1/logs", new StringContent("{\"message\":\"room again\"}", Encoding.UTF8, "application/json"));
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }
}
