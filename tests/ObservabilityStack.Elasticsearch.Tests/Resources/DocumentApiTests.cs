using System.Net;
using ObservabilityStack.Elasticsearch.Tests.Support;

namespace ObservabilityStack.Elasticsearch.Tests.Resources;

public sealed class DocumentApiTests : ScriptedServerTest
{
    [Fact]
    public async Task IndexWithAnIdIsAPutAndWithoutOneAPost()
    {
        Server.EnqueueElasticsearch(201, """{"_index":"idx","_id":"a b","_version":3,"result":"updated","_seq_no":7,"_primary_term":1}""");
        Server.EnqueueElasticsearch(201, """{"_index":"idx","_id":"gen1","_version":1,"result":"created"}""");
        using var client = Client();

        var withId = await client.IndexDocumentAsync("idx", "a b", """{"x":1}"""u8.ToArray(), Refresh.True);
        var withoutId = await client.IndexDocumentAsync("idx", null, """{"x":2}"""u8.ToArray());

        withId.Version.ShouldBe(3);
        withId.SeqNo.ShouldBe(7);
        withId.Result.ShouldBe("updated");
        withoutId.Id.ShouldBe("gen1");
        Server.Requests[0].Method.ShouldBe("PUT");
        Server.Requests[0].PathAndQuery.ShouldBe("/idx/_doc/a%20b?refresh=true");
        Server.Requests[1].Method.ShouldBe("POST");
        Server.Requests[1].PathAndQuery.ShouldBe("/idx/_doc");
        Server.Requests[1].BodyText.ShouldBe("""{"x":2}""");
    }

    [Fact]
    public async Task CreatingAnExistingIdThrowsTheConflict()
    {
        Server.EnqueueElasticsearch(409, """{"error":{"type":"version_conflict_engine_exception","reason":"[1]: version conflict, document already exists (current version [1])"},"status":409}""");
        using var client = Client();

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.CreateDocumentAsync("idx", "1", "{}"u8.ToArray()));

        error.Status.ShouldBe(HttpStatusCode.Conflict);
        error.ErrorType.ShouldBe("version_conflict_engine_exception");
        Server.Requests.ShouldHaveSingleItem().PathAndQuery.ShouldBe("/idx/_create/1");
    }

    [Fact]
    public async Task GetReturnsADetachedSourceOrNullForAMissingIdButThrowsForAMissingIndex()
    {
        Server.EnqueueElasticsearch(200, """{"_index":"idx","_id":"1","_version":2,"_seq_no":1,"_primary_term":1,"found":true,"_source":{"m":"hello"}}""");
        Server.EnqueueElasticsearch(404, """{"_index":"idx","_id":"2","found":false}""");
        Server.EnqueueElasticsearch(404, """{"error":{"type":"index_not_found_exception","reason":"no such index [nope]"},"status":404}""");
        using var client = Client();

        var found = await client.GetDocumentAsync("idx", "1");
        var missing = await client.GetDocumentAsync("idx", "2");
        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.GetDocumentAsync("nope", "1"));

        found!.Source.GetProperty("m").GetString().ShouldBe("hello");
        found.Version.ShouldBe(2);
        missing.ShouldBeNull();
        error.ErrorType.ShouldBe("index_not_found_exception");
    }

    [Fact]
    public async Task DeleteTellsWhetherTheDocumentExisted()
    {
        Server.EnqueueElasticsearch(200, """{"_index":"idx","_id":"1","_version":2,"result":"deleted"}""");
        Server.EnqueueElasticsearch(404, """{"_index":"idx","_id":"1","_version":3,"result":"not_found"}""");
        using var client = Client();

        (await client.DeleteDocumentAsync("idx", "1")).ShouldBeTrue();
        (await client.DeleteDocumentAsync("idx", "1", Refresh.WaitFor)).ShouldBeFalse();

        Server.Requests[1].PathAndQuery.ShouldBe("/idx/_doc/1?refresh=wait_for");
        Server.Requests[1].Method.ShouldBe("DELETE");
    }

    [Fact]
    public async Task DeleteByQueryProceedsOnConflictsAndReportsCounts()
    {
        Server.EnqueueElasticsearch(200, """{"took":147,"timed_out":false,"total":119,"deleted":118,"batches":1,"version_conflicts":1,"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[]}""");
        using var client = Client();

        var result = await client.DeleteByQueryAsync("logs-*", """{"query":{"range":{"@timestamp":{"lt":"now-30d"}}}}""", Refresh.True);

        result.Total.ShouldBe(119);
        result.Deleted.ShouldBe(118);
        result.VersionConflicts.ShouldBe(1);
        result.Failures.ShouldBe(0);
        Server.Requests.ShouldHaveSingleItem().PathAndQuery.ShouldBe("/logs-*/_delete_by_query?conflicts=proceed&refresh=true");
    }
}
