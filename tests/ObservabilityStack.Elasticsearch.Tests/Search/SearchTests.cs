using System.Text.Json;
using ObservabilityStack.Elasticsearch.Tests.Support;

namespace ObservabilityStack.Elasticsearch.Tests.Search;

public sealed class SearchTests : ScriptedServerTest
{
    private const string Answer = """
        {"took":5,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":10000,"relation":"gte"},"max_score":null,
           "hits":[
             {"_index":".ds-logs-shop-prod-2026.11.21-000001","_id":"a1","_score":null,
              "_source":{"@timestamp":"2026-11-21T10:00:00Z","message":"first"},"sort":[1763719200000,"a1"]},
             {"_index":".ds-logs-shop-prod-2026.11.21-000001","_id":"a2","_score":1.5,
              "_source":{"@timestamp":"2026-11-21T10:00:01Z","message":"second"}}]},
         "aggregations":{"levels":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
           "buckets":[{"key":"error","doc_count":7},{"key":"info","doc_count":3}]}}}
        """;

    [Fact]
    public async Task HitsTotalsSortValuesAndAggregationsAreExposed()
    {
        Server.EnqueueElasticsearch(200, Answer);
        using var client = Client();

        using var response = await client.SearchAsync("logs-shop-*", """{"query":{"match_all":{}},"track_total_hits":true}""");

        response.Took.ShouldBe(5);
        response.Total.ShouldBe(10000);
        response.TotalRelation.ShouldBe("gte");
        response.Hits.Count.ShouldBe(2);
        response.Hits[0].Id.ShouldBe("a1");
        response.Hits[0].Index.ShouldBe(".ds-logs-shop-prod-2026.11.21-000001");
        response.Hits[0].Score.ShouldBeNull();
        response.Hits[0].Source.GetProperty("message").GetString().ShouldBe("first");
        response.Hits[0].Sort!.Value[1].GetString().ShouldBe("a1");
        response.Hits[1].Sort.ShouldBeNull();
        response.Hits[1].Score.ShouldBe(1.5);
        response.Aggregation("levels")!.Value.GetProperty("buckets")[0].GetProperty("doc_count").GetInt32().ShouldBe(7);
        response.Aggregation("missing").ShouldBeNull();
        response.Document!.RootElement.GetProperty("_shards").GetProperty("total").GetInt32().ShouldBe(1);
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.PathAndQuery.ShouldBe("/logs-shop-*/_search");
        request.BodyText.ShouldBe("""{"query":{"match_all":{}},"track_total_hits":true}""");
    }

    [Fact]
    public async Task AJsonElementBodyIsSentAndAnEmptyIndexSearchesEverything()
    {
        Server.EnqueueElasticsearch(200, """{"took":1,"hits":{"total":3,"hits":[]}}""");
        using var client = Client();
        using var body = JsonDocument.Parse("""{ "size": 0 }""");

        using var response = await client.SearchAsync(null, body.RootElement);

        response.Total.ShouldBe(3);
        response.Aggregations.ShouldBeNull();
        Server.Requests.ShouldHaveSingleItem().PathAndQuery.ShouldBe("/_search");
        Server.Requests[0].BodyText.ShouldBe("""{"size":0}""");
    }

    [Fact]
    public async Task CountReturnsTheCount()
    {
        Server.EnqueueElasticsearch(200, """{"count":42,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}""");
        using var client = Client();

        var count = await client.CountAsync("logs", """{"query":{"term":{"log.level":"error"}}}""");

        count.ShouldBe(42);
        Server.Requests.ShouldHaveSingleItem().PathAndQuery.ShouldBe("/logs/_count");
    }

    [Fact]
    public async Task MultiSearchSendsCompactNdjsonAndReportsEachSearchsOwnError()
    {
        Server.EnqueueElasticsearch(200, """
            {"took":3,"responses":[
              {"took":1,"timed_out":false,"hits":{"total":{"value":1,"relation":"eq"},"hits":[{"_index":"a","_id":"1","_source":{}}]},"status":200},
              {"error":{"root_cause":[],"type":"index_not_found_exception","reason":"no such index [b]"},"status":404}]}
            """);
        using var client = Client();

        using var response = await client.MultiSearchAsync([("a", "{\n \"query\": {\"match_all\": {}}\n}"), ("b", "{}")]);

        response.Responses.Count.ShouldBe(2);
        response.Responses[0].IsSuccess.ShouldBeTrue();
        response.Responses[0].Response!.Total.ShouldBe(1);
        response.Responses[1].IsSuccess.ShouldBeFalse();
        response.Responses[1].Status.ShouldBe(404);
        response.Responses[1].ErrorType.ShouldBe("index_not_found_exception");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.PathAndQuery.ShouldBe("/_msearch");
        request.Header("Content-Type").ShouldBe("application/x-ndjson");
        request.BodyText.ShouldBe("{\"index\":\"a\"}\n{\"query\":{\"match_all\":{}}}\n{\"index\":\"b\"}\n{}\n");
    }
}
