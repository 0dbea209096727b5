using System.Net;
using System.Text;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Faults;

public class QuotaTests
{
    [Fact]
    public async Task AFullDiskQuotaAnswers429AndNothingAcknowledgedIsLost()
    {
        await using var es = TestElasticsearch.Reserve();
        await using var gateway = await TestGateway.StartAsync(o => o.Wal.MaxBytes = 40_000, es.Url);
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

        await es.StartAsync();
        (await es.WaitForCountAsync("logs-shop_api-production", acknowledged.Count)).ShouldBe(acknowledged.Count);
        var delivered = await es.DocumentsAsync("logs-shop_api-production");
        acknowledged.Where(id => !delivered.ContainsKey(id)).ShouldBeEmpty();
        var again = await gateway.Http.PostAsync("/v1/logs", new StringContent("{\"message\":\"room again\"}", Encoding.UTF8, "application/json"));
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }
}
