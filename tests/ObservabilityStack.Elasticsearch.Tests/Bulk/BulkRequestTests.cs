using System.Text;
using System.Text.Json;
using ObservabilityStack.Elasticsearch.Bulk;
using ObservabilityStack.Elasticsearch.Tests.Support;

namespace ObservabilityStack.Elasticsearch.Tests.Bulk;

public sealed class BulkRequestTests : ScriptedServerTest
{
    [Fact]
    public async Task TheBodyIsNdjsonWithOneActionLineAndOneDocumentLinePerWrite()
    {
        using var client = Client();
        using var element = JsonDocument.Parse("""{"b": [1, 2]}""");
        Server.DefaultBody = """{"took":3,"errors":false,"items":[]}""";

        var response = await client.BulkAsync(
        [
            BulkOperation.Create("logs-shop-prod", "id-1", """{"message":"hi \"there\""}"""u8.ToArray()),
            BulkOperation.IndexDocument("plain", null, element.RootElement),
            BulkOperation.Delete("plain", "gone"),
            BulkOperation.Create("logs-shop-prod", "id/2", "{\n  \"indented\": true\n}"u8.ToArray()),
        ], Refresh.WaitFor);

        response.Took.ShouldBe(3);
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.PathAndQuery.ShouldBe("/_bulk?refresh=wait_for");
        request.Header("Content-Type").ShouldBe("application/x-ndjson");
        request.BodyText.ShouldBe(
            """
            {"create":{"_index":"logs-shop-prod","_id":"id-1"}}
            {"message":"hi \"there\""}
            {"index":{"_index":"plain"}}
            {"b":[1,2]}
            {"delete":{"_index":"plain","_id":"gone"}}
            {"create":{"_index":"logs-shop-prod","_id":"id/2"}}
            {"indented":true}

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task AnObjectIsSerializedWithItsSourceGeneratedTypeInfo()
    {
        using var client = Client();
        Server.DefaultBody = """{"took":1,"errors":false,"items":[]}""";

        await client.BulkAsync([BulkOperation.Create("idx", "1", new TestDocument("hello", 3), TestJsonContext.Default.TestDocument)]);

        Server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe("{\"create\":{\"_index\":\"idx\",\"_id\":\"1\"}}\n{\"message\":\"hello\",\"count\":3}\n");
    }

    [Fact]
    public async Task ALargeBatchStreamsEveryDocumentIntact()
    {
        using var client = Client();
        Server.DefaultBody = """{"took":1,"errors":false,"items":[]}""";
        var padding = new string('x', 1000);
        var operations = Enumerable.Range(0, 500)
            .Select(i => BulkOperation.Create("logs", $"id-{i}", Encoding.UTF8.GetBytes($"{{\"n\":{i},\"pad\":\"{padding}\"}}")))
            .ToArray();

        await client.BulkAsync(operations);

        var lines = Server.Requests.ShouldHaveSingleItem().BodyText.Split('\n');
        lines.Length.ShouldBe(1001);
        lines[^1].ShouldBeEmpty();
        for (var i = 0; i < 500; i++)
        {
            lines[2 * i].ShouldBe($"{{\"create\":{{\"_index\":\"logs\",\"_id\":\"id-{i}\"}}}}");
            using var document = JsonDocument.Parse(lines[(2 * i) + 1]);
            document.RootElement.GetProperty("n").GetInt32().ShouldBe(i);
        }
    }

    [Fact]
    public async Task AnEmptyBatchSendsNothing()
    {
        using var client = Client();

        var response = await client.BulkAsync([]);

        response.Items.ShouldBeEmpty();
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task AWriteWithoutADocumentIsRejectedBeforeSending()
    {
        using var client = Client(o => o.MaxRetries = 0);

        var error = await Should.ThrowAsync<ArgumentException>(() => client.BulkAsync(
            [BulkOperation.Delete("logs", "0"), BulkOperation.Create("logs", "1", ReadOnlyMemory<byte>.Empty)]));

        error.Message.ShouldStartWith("Bulk operation 1 (Create of '1' into 'logs') has no document.");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ItemResultsComeBackFromTheServerAnswer()
    {
        using var client = Client();
        Server.EnqueueElasticsearch(200, """{"took":2,"errors":true,"items":[{"create":{"_index":"logs","_id":"1","status":409,"error":{"type":"version_conflict_engine_exception","reason":"[1]: version conflict, document already exists (current version [1])"}}}]}""");

        var response = await client.BulkAsync([BulkOperation.Create("logs", "1", "{}"u8.ToArray())]);

        response.Errors.ShouldBeTrue();
        response.Items.ShouldHaveSingleItem().IsConflict.ShouldBeTrue();
    }
}
