using System.Net;
using ObservabilityStack.Elasticsearch.Bulk;
using ObservabilityStack.Elasticsearch.Tests.Support;

namespace ObservabilityStack.Elasticsearch.Tests.Integration;

/// <summary>Retries against the emulator's injected faults (<c>/_emulator/faults</c>).</summary>
public sealed class EmulatorFaultTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly InstantTimeProvider _time = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var client = Client();
        await client.SendAsync(HttpMethod.Delete, "/_emulator/faults");
    }

    [Fact]
    public async Task ABulkRejectedWith429TwiceIsRetriedHonouringRetryAfterAndLands()
    {
        using var client = Client();
        await InjectAsync(client, """{"status":429,"count":2,"path":"/_bulk","retry_after":1}""");
        var retries = 0;
        client.OnRetry = _ => Interlocked.Increment(ref retries);

        var response = await client.BulkAsync(
            [BulkOperation.Create("fault-a", "1", """{"m":1}"""u8.ToArray()), BulkOperation.Create("fault-a", "2", """{"m":2}"""u8.ToArray())],
            Refresh.True);

        response.Errors.ShouldBeFalse();
        response.Retries.ShouldBe(2);
        retries.ShouldBe(2);
        client.RetryCount.ShouldBe(2);
        _time.Delays.Count.ShouldBe(2);
        _time.Delays.ShouldAllBe(d => d >= TimeSpan.FromSeconds(1));
        (await client.CountAsync("fault-a")).ShouldBe(2);
    }

    [Fact]
    public async Task MoreFailuresThanRetriesSurfaceTheStatusAndType()
    {
        using var client = Client(o => o.MaxRetries = 2);
        await InjectAsync(client, """{"status":503,"count":5,"path":"/_search"}""");

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.SearchAsync(null, "{}"));

        error.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        client.RetryCount.ShouldBe(2);
    }

    [Fact]
    public async Task RejectedBulkItemsArePermanentWithTheInjectedType()
    {
        using var client = Client();
        await InjectAsync(client, """{"reject_items":2,"status":400,"type":"document_parsing_exception"}""");

        var response = await client.BulkAsync(
        [
            BulkOperation.Create("fault-b", "1", "{}"u8.ToArray()),
            BulkOperation.Create("fault-b", "2", "{}"u8.ToArray()),
            BulkOperation.Create("fault-b", "3", "{}"u8.ToArray()),
        ]);

        response.Errors.ShouldBeTrue();
        response.Items.Count(i => i.IsPermanent && i.ErrorType == "document_parsing_exception").ShouldBe(2);
        response.Items.Count(i => i.IsSuccess).ShouldBe(1);
    }

    private static async Task InjectAsync(ElasticsearchClient client, string fault)
    {
        var response = await client.SendJsonAsync(HttpMethod.Post, "/_emulator/faults", fault);
        response.EnsureSuccess("inject fault");
    }

    private ElasticsearchClient Client(Action<ElasticsearchClientOptions>? configure = null)
    {
        var options = new ElasticsearchClientOptions { Url = emulator.Url };
        configure?.Invoke(options);
        return new ElasticsearchClient(options, null, _time);
    }
}
