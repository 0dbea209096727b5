using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class BucketAggregationTests
{
    private static System.Text.Json.JsonElement Aggs(string aggs, string query = """{"match_all":{}}""") =>
        SearchRunner.Search("{\"size\":0,\"query\":" + query + ",\"aggs\":" + aggs + "}", LogsFixture.Create()).At("aggregations");

    [Fact]
    public void RangeBucketsUseElasticsearchKeys()
    {
        var result = Aggs("""{"r":{"range":{"field":"http.status","ranges":[{"to":300},{"from":300,"to":505},{"from":505,"key":"big"}]}}}""");

        result.At("r.buckets").GetRawText().ShouldBe(
            """[{"key":"*-300.0","to":300,"doc_count":2},{"key":"300.0-505.0","from":300,"to":505,"doc_count":2},{"key":"big","from":505,"doc_count":1}]""");
    }

    [Fact]
    public void DateRangeSupportsDateMathAndKeyedOutput()
    {
        var result = Aggs("""{"r":{"date_range":{"field":"@timestamp","keyed":true,"ranges":[{"key":"recent","from":"now-5m"},{"key":"older","to":"now-5m"}]}}}""");

        result.At("r.buckets.recent.doc_count").GetInt64().ShouldBe(3);
        result.At("r.buckets.recent.from_as_string").GetString().ShouldBe("2024-05-01T11:55:00.000Z");
        result.At("r.buckets.older.doc_count").GetInt64().ShouldBe(2);
    }

    [Fact]
    public void FilterAggregationCountsMatchesAndNestsSubAggregations()
    {
        var result = Aggs("""{"errors":{"filter":{"term":{"log.level":"error"}},"aggs":{"svc":{"terms":{"field":"service.name"}}}}}""");

        result.At("errors.doc_count").GetInt64().ShouldBe(2);
        result.At("errors.svc.buckets").GetRawText().ShouldBe("""[{"key":"crm","doc_count":1},{"key":"shop","doc_count":1}]""");
    }

    [Fact]
    public void FiltersAggregationKeyedAndAnonymous()
    {
        var keyed = Aggs("""{"f":{"filters":{"filters":{"warn":{"term":{"log.level":"warn"}},"errors":{"term":{"log.level":"error"}}},"other_bucket_key":"rest"}}}""");
        var anonymous = Aggs("""{"f":{"filters":{"filters":[{"term":{"log.level":"warn"}},{"match":{"message":"login"}}]}}}""");

        keyed.At("f.buckets").GetRawText().ShouldBe("""{"errors":{"doc_count":2},"warn":{"doc_count":1},"rest":{"doc_count":2}}""");
        anonymous.At("f.buckets").GetRawText().ShouldBe("""[{"doc_count":1},{"doc_count":3}]""");
    }

    [Fact]
    public void MissingAndGlobalAggregations()
    {
        var result = Aggs("""{"no_host":{"missing":{"field":"host"}},"all":{"global":{},"aggs":{"levels":{"cardinality":{"field":"log.level"}}}}}""",
            """{"term":{"service.name":"crm"}}""");

        result.At("no_host.doc_count").GetInt64().ShouldBe(2);
        result.At("all.doc_count").GetInt64().ShouldBe(5);
        result.At("all.levels.value").GetInt64().ShouldBe(3);
    }

    [Fact]
    public void DeeplyNestedSubAggregations()
    {
        var result = Aggs("""
            {"svc":{"terms":{"field":"service.name","order":{"_key":"asc"}},"aggs":{
              "per_hour":{"date_histogram":{"field":"@timestamp","calendar_interval":"1h","min_doc_count":1},"aggs":{
                "levels":{"terms":{"field":"log.level"},"aggs":{"slowest":{"max":{"field":"duration"}}}}}}}}}
            """);

        var crm = result.At("svc.buckets.0");
        crm.At("key").GetString().ShouldBe("crm");
        crm.At("per_hour.buckets.0.levels.buckets").GetRawText().ShouldBe(
            """[{"key":"error","doc_count":1,"slowest":{"value":30}},{"key":"info","doc_count":1,"slowest":{"value":7.5}}]""");
    }

    [Fact]
    public void AggregationsKeywordIsAnAliasAndUnknownTypesAreRejected()
    {
        SearchRunner.Search("""{"size":0,"aggregations":{"m":{"min":{"field":"duration"}}}}""", LogsFixture.Create())
            .At("aggregations.m.value").GetDouble().ShouldBe(3);
        var error = SearchRunner.SearchFails("""{"aggs":{"x":{"significant_things":{"field":"a"}}}}""", LogsFixture.Create());
        error.Type.ShouldBe("parsing_exception");
        error.Message.ShouldBe("Unknown aggregation type [significant_things]");
    }
}
