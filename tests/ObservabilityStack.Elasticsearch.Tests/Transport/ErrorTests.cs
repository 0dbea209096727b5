using System.Net;
using ObservabilityStack.Elasticsearch.Tests.Support;

namespace ObservabilityStack.Elasticsearch.Tests.Transport;

public sealed class ErrorTests : ScriptedServerTest
{
    [Fact]
    public async Task AnElasticsearchErrorBodyBecomesStatusTypeAndReason()
    {
        Server.EnqueueElasticsearch(404, """{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [nope]"}],"type":"index_not_found_exception","reason":"no such index [nope]","index":"nope"},"status":404}""");
        using var client = Client();

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.SearchAsync("nope", "{}"));

        error.Status.ShouldBe(HttpStatusCode.NotFound);
        error.ErrorType.ShouldBe("index_not_found_exception");
        error.Reason.ShouldBe("no such index [nope]");
        error.Message.ShouldBe("search: Elasticsearch answered 404 NotFound (index_not_found_exception): no such index [nope]");
        error.IsConnectionFailure.ShouldBeFalse();
    }

    [Fact]
    public async Task AnHtmlErrorPageFromAProxyGivesAReadableMessageWithoutMarkup()
    {
        Server.Enqueue(502, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>", "text/html");
        using var client = Client(o => o.MaxRetries = 0);

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.CountAsync("logs"));

        error.Status.ShouldBe(HttpStatusCode.BadGateway);
        error.ErrorType.ShouldBeNull();
        error.Message.ShouldContain("non-JSON body (text/html)");
        error.Message.ShouldContain("502 Bad Gateway 502 Bad Gateway nginx");
        error.Message.ShouldNotContain("<");
    }

    [Fact]
    public async Task AStringErrorIsKeptAsTheReason()
    {
        Server.EnqueueElasticsearch(400, """{"error":"Incorrect HTTP method for uri [/_bulk] and method [GET], allowed: [POST, PUT]","status":405}""");
        using var client = Client();

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.RefreshAsync());

        error.Reason.ShouldStartWith("Incorrect HTTP method");
        error.ErrorType.ShouldBeNull();
    }

    [Fact]
    public async Task AMissingReasonFallsBackToTheCause()
    {
        Server.EnqueueElasticsearch(400, """{"error":{"type":"x_content_parse_exception","reason":null,"caused_by":{"type":"json_parse_exception","reason":"Unexpected character"}},"status":400}""");
        using var client = Client();

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.PutMappingAsync("logs", "{"));

        error.ErrorType.ShouldBe("x_content_parse_exception");
        error.Reason.ShouldBe("Unexpected character");
    }

    [Fact]
    public async Task ARequestTimeoutIsAConnectionFailureNamingTheLimit()
    {
        using var client = Client(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 0;
        });
        Server.EnqueueDelayed(TimeSpan.FromSeconds(5));

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.InfoAsync());

        error.IsConnectionFailure.ShouldBeTrue();
        error.Message.ShouldContain("no answer within 0.2 s");
    }

    [Fact]
    public async Task CallerCancellationIsNotReportedAsAnError()
    {
        using var client = Client();
        Server.EnqueueDelayed(TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => client.InfoAsync(cancel.Token));

        client.RetryCount.ShouldBe(0);
    }
}
