using System.Net;
using System.Net.Sockets;
using ObservabilityStack.Elasticsearch.Bulk;
using ObservabilityStack.Elasticsearch.Tests.Support;

namespace ObservabilityStack.Elasticsearch.Tests.Transport;

public sealed class RetryTests : ScriptedServerTest
{
    private const string Rejected = """{"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution"}],"type":"es_rejected_execution_exception","reason":"rejected execution"},"status":429}""";

    [Fact]
    public async Task A429WithRetryAfterSecondsIsRetriedAfterAtLeastThatLong()
    {
        Server.EnqueueElasticsearch(429, Rejected, ("Retry-After", "2"));
        var retries = new List<ElasticsearchRetry>();
        using var client = Client();
        client.OnRetry = retries.Add;

        var count = await client.CountAsync("logs");

        count.ShouldBe(0);
        Server.Requests.Count.ShouldBe(2);
        Time.Delays.ShouldHaveSingleItem().ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        client.RetryCount.ShouldBe(1);
        var retry = retries.ShouldHaveSingleItem();
        retry.Status.ShouldBe(429);
        retry.Attempt.ShouldBe(1);
        retry.Path.ShouldBe("/logs/_count");
    }

    [Fact]
    public async Task ARetryAfterHttpDateIsMeasuredFromTheInjectedClock()
    {
        var until = Time.Now.AddSeconds(5).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Server.EnqueueElasticsearch(503, """{"error":"unavailable","status":503}""", ("Retry-After", until));
        using var client = Client();

        await client.RefreshAsync("logs");

        Time.Delays.ShouldHaveSingleItem().ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task BackoffGrowsExponentiallyAndStopsAfterMaxRetriesWithTheLastError()
    {
        for (var i = 0; i < 4; i++)
        {
            Server.Enqueue(503, "<html><body><h1>503 Service Unavailable</h1></body></html>", "text/html");
        }

        using var client = Client(o => o.MaxRetries = 3);

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.ClusterHealthAsync());

        error.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Server.Requests.Count.ShouldBe(4);
        var delays = Time.Delays;
        delays.Count.ShouldBe(3);
        for (var i = 0; i < 3; i++)
        {
            var full = TimeSpan.FromMilliseconds(100 * Math.Pow(2, i));
            delays[i].ShouldBeInRange(full / 2, full);
        }
    }

    [Fact]
    public async Task A503OnABulkWithoutIdsIsNotRetriedBecauseResendingCouldDuplicate()
    {
        Server.EnqueueElasticsearch(503, """{"error":{"type":"unavailable_shards_exception","reason":"primary shard is not active"},"status":503}""");
        using var client = Client();

        var error = await Should.ThrowAsync<ElasticsearchException>(() =>
            client.BulkAsync([BulkOperation.Create("logs-a-b", null, "{}"u8.ToArray())]));

        error.ErrorType.ShouldBe("unavailable_shards_exception");
        Server.Requests.Count.ShouldBe(1);
        client.RetryCount.ShouldBe(0);
    }

    [Fact]
    public async Task A503OnABulkOfCreatesWithIdsIsRetried()
    {
        Server.EnqueueElasticsearch(503, """{"error":{"type":"unavailable_shards_exception","reason":"x"},"status":503}""");
        Server.DefaultBody = """{"took":1,"errors":false,"items":[{"create":{"_index":"logs","_id":"a","status":201,"result":"created"}}]}""";
        using var client = Client();

        var response = await client.BulkAsync([BulkOperation.Create("logs", "a", "{}"u8.ToArray())]);

        response.Retries.ShouldBe(1);
        response.Items.ShouldHaveSingleItem().IsSuccess.ShouldBeTrue();
        Server.Requests.Count.ShouldBe(2);
        Server.Requests[1].BodyText.ShouldBe(Server.Requests[0].BodyText);
    }

    [Fact]
    public async Task SendAsyncMakesOneAttemptAndReturnsTheErrorAnswerForTheCallersOwnPolicy()
    {
        Server.EnqueueElasticsearch(429, Rejected, ("Retry-After", "7"));
        using var client = Client(o => o.MaxRetries = 3);

        var response = await client.SendJsonAsync(HttpMethod.Post, "/_bulk", "{}");

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Retries.ShouldBe(0);
        response.TryGetError(out var type, out _).ShouldBeTrue();
        type.ShouldBe("es_rejected_execution_exception");
        Server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe("{}");
        client.RetryCount.ShouldBe(0);
    }

    [Fact]
    public async Task SendAsyncKeepsHttpClientsExceptionForARefusedConnection()
    {
        using var client = new ElasticsearchClient(new ElasticsearchClientOptions { Url = new Uri($"http://127.0.0.1:{FreePort()}") }, null, Time);

        var error = await Should.ThrowAsync<HttpRequestException>(() => client.SendJsonAsync(HttpMethod.Get, "/", null));

        error.InnerException.ShouldBeOfType<SocketException>();
        client.RetryCount.ShouldBe(0);
    }

    [Fact]
    public async Task AnUnreachableClusterGivesAClearErrorAfterRetryingTheConnection()
    {
        var port = FreePort();
        using var client = new ElasticsearchClient(
            new ElasticsearchClientOptions { Url = new Uri($"http://elastic:s3cret@127.0.0.1:{port}"), MaxRetries = 2 }, null, Time);

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.InfoAsync());

        error.IsConnectionFailure.ShouldBeTrue();
        error.Message.ShouldStartWith($"cannot reach Elasticsearch at http://127.0.0.1:{port}/: ");
        error.Message.ShouldContain("(after 2 retries)");
        error.Message.ShouldNotContain("s3cret");
        client.RetryCount.ShouldBe(2);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
