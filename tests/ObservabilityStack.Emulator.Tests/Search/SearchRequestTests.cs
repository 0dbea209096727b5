using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class SearchRequestTests
{
    [Theory]
    [InlineData("""["http.status"]""", "2,3,1,5,4")]
    [InlineData("""[{"http.status":"desc"}]""", "4,5,1,2,3")]
    [InlineData("""[{"http.status":{"order":"desc"}},"_doc"]""", "4,5,1,2,3")]
    [InlineData("""[{"duration":{"order":"asc"}}]""", "2,3,1,5,4")]
    [InlineData("""[{"duration":{"order":"asc","missing":"_first"}}]""", "4,2,3,1,5")]
    [InlineData("""[{"duration":{"order":"desc"}}]""", "5,1,3,2,4")]
    [InlineData("""[{"service.name":"asc"},{"@timestamp":"desc"}]""", "5,3,4,2,1")]
    [InlineData("""{"@timestamp":"asc"}""", "4,1,2,3,5")]
    [InlineData("\"@timestamp\"", "4,1,2,3,5")]
    [InlineData("""[{"tags":{"order":"asc"}}]""", "1,2,5,3,4")]
    [InlineData("""[{"tags":{"order":"desc"}}]""", "1,5,2,3,4")]
    [InlineData("""[{"nope":{"unmapped_type":"long"}},"_doc"]""", "1,2,3,4,5")]
    public void SortOrdersHitsLikeElasticsearch(string sort, string expectedIds)
    {
        var response = SearchRunner.Search("{\"sort\":" + sort + "}", LogsFixture.Create());

        string.Join(',', response.Ids()).ShouldBe(expectedIds);
    }

    [Fact]
    public void SortedHitsCarrySortValuesAndNullScores()
    {
        var response = SearchRunner.Search("""{"sort":[{"@timestamp":"desc"},{"service.name":"asc"},{"duration":"asc"}],"size":1}""",
            LogsFixture.Create());

        response.At("hits.max_score").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        response.At("hits.hits.0._score").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        response.At("hits.hits.0.sort").GetRawText().ShouldBe("[1714564799500,\"crm\",30]");
    }

    [Fact]
    public void MissingNumericSortValueIsLongMax()
    {
        var response = SearchRunner.Search("""{"sort":[{"duration":"asc"}],"query":{"ids":{"values":["4"]}}}""", LogsFixture.Create());

        response.At("hits.hits.0.sort.0").GetRawText().ShouldBe("1.7976931348623157E+308");
    }

    [Fact]
    public void FromAndSizePageThroughHits()
    {
        var response = SearchRunner.Search("""{"sort":["@timestamp"],"from":1,"size":2}""", LogsFixture.Create());

        response.Ids().ShouldBe(["1", "2"]);
        response.Total().ShouldBe(5);
    }

    [Fact]
    public void SizeZeroReturnsNoHitsButCounts()
    {
        var response = SearchRunner.Search("""{"size":0}""", LogsFixture.Create());

        response.At("hits.hits").GetArrayLength().ShouldBe(0);
        response.Total().ShouldBe(5);
        response.At("hits.max_score").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void SearchAfterContinuesFromTheLastSortValues()
    {
        var shard = LogsFixture.Create();
        var first = SearchRunner.Search("""{"sort":[{"@timestamp":"asc"},{"_id":"asc"}],"size":2}""", shard);
        var after = first.At("hits.hits.1.sort").GetRawText();

        var second = SearchRunner.Search("{\"sort\":[{\"@timestamp\":\"asc\"},{\"_id\":\"asc\"}],\"size\":2,\"search_after\":" + after + "}", shard);

        first.Ids().ShouldBe(["4", "1"]);
        second.Ids().ShouldBe(["2", "3"]);
    }

    [Theory]
    [InlineData("""{"_source":false}""", null)]
    [InlineData("""{"_source":"service.name"}""", """{"service":{"name":"crm"}}""")]
    [InlineData("""{"_source":["log.*","http.status"]}""", """{"log":{"level":"error"},"http":{"status":504}}""")]
    [InlineData("""{"_source":{"includes":["service","duration"],"excludes":["*.name"]}}""", """{"service":{},"duration":30.0}""")]
    [InlineData("""{"_source":{"excludes":["message","@timestamp","log","http","tags"]}}""", """{"service":{"name":"crm"},"duration":30.0,"ok":false}""")]
    public void SourceFilteringIncludesAndExcludes(string body, string? expectedSource)
    {
        var response = SearchRunner.Search("{\"query\":{\"ids\":{\"values\":[\"5\"]}}," + body[1..], LogsFixture.Create());
        var hit = response.At("hits.hits.0");

        if (expectedSource is null)
        {
            hit.TryGetProperty("_source", out _).ShouldBeFalse();
        }
        else
        {
            hit.GetProperty("_source").GetRawText().ShouldBe(expectedSource);
        }
    }

    [Fact]
    public void SourceKeepsBigNumbersExactly()
    {
        var shard = new TestShard("big", """{"bigint":{"type":"keyword"}}""").Add("1", """{"bigint":72057594037927936,"d":3.14}""");

        var response = SearchRunner.Search("""{"_source":["bigint"]}""", shard);

        response.At("hits.hits.0._source").GetRawText().ShouldBe("""{"bigint":72057594037927936}""");
    }

    [Theory]
    [InlineData("""{"track_total_hits":false}""", null, null)]
    [InlineData("""{"track_total_hits":true}""", 5L, "eq")]
    [InlineData("""{"track_total_hits":3}""", 3L, "gte")]
    [InlineData("""{"track_total_hits":5}""", 5L, "eq")]
    [InlineData("""{"track_total_hits":-1}""", 5L, "eq")]
    public void TrackTotalHitsControlsTheTotal(string body, long? value, string? relation)
    {
        var response = SearchRunner.Search(body, LogsFixture.Create());

        if (value is null)
        {
            response.At("hits").TryGetProperty("total", out _).ShouldBeFalse();
            return;
        }

        response.At("hits.total.value").GetInt64().ShouldBe(value.Value);
        response.At("hits.total.relation").GetString().ShouldBe(relation);
    }

    [Fact]
    public void TotalIsCappedAtTenThousandByDefault()
    {
        var shard = new TestShard("many", """{"n":{"type":"long"}}""");
        for (var i = 0; i < 10_001; i++)
        {
            shard.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"n\":" + i + "}");
        }

        var response = SearchRunner.Search("""{"size":0}""", shard);

        response.At("hits.total.value").GetInt64().ShouldBe(10_000);
        response.At("hits.total.relation").GetString().ShouldBe("gte");
    }

    [Fact]
    public void RestTotalHitsAsIntRendersANumber()
    {
        var parameters = new Dictionary<string, string> { ["rest_total_hits_as_int"] = "true" };

        SearchRunner.Search("""{"query":{"term":{"log.level":"error"}}}""", parameters, LogsFixture.Create())
            .At("hits.total").GetInt64().ShouldBe(2);
        SearchRunner.Search("""{"track_total_hits":false}""", parameters, LogsFixture.Create())
            .At("hits.total").GetInt64().ShouldBe(-1);
    }

    [Fact]
    public void UrlParametersOverrideTheBody()
    {
        var parameters = new Dictionary<string, string> { ["size"] = "1", ["sort"] = "http.status:desc", ["_source_includes"] = "http.status" };

        var response = SearchRunner.Search("""{"size":5,"_source":"message"}""", parameters, LogsFixture.Create());

        response.Ids().ShouldBe(["4"]);
        response.At("hits.hits.0._source").GetRawText().ShouldBe("""{"http":{"status":507}}""");
    }

    [Fact]
    public void PostFilterNarrowsHitsButNotAggregations()
    {
        var response = SearchRunner.Search(
            """{"post_filter":{"term":{"service.name":"crm"}},"aggs":{"services":{"terms":{"field":"service.name"}}}}""", LogsFixture.Create());

        response.Total().ShouldBe(2);
        response.At("aggregations.services.buckets").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public void DocvalueFieldsAndVersionAreRendered()
    {
        var response = SearchRunner.Search(
            """{"query":{"ids":{"values":["1"]}},"docvalue_fields":["http.status",{"field":"duration","format":"#.0"},"@timestamp"],"version":true}""",
            LogsFixture.Create());

        response.At("hits.hits.0._version").GetInt64().ShouldBe(1);
        response.At("hits.hits.0.fields").GetProperty("http.status").GetRawText().ShouldBe("[500]");
        response.At("hits.hits.0.fields").GetProperty("duration").GetRawText().ShouldBe("[\"12.5\"]");
        response.At("hits.hits.0.fields").GetProperty("@timestamp").GetRawText().ShouldBe("[\"2024-05-01T11:50:00.000Z\"]");
    }

    [Fact]
    public void HitsAcrossSeveralIndicesKeepTheirIndexNames()
    {
        var response = SearchRunner.Search("""{"sort":["_doc"]}""", LogsFixture.Create("logs-a"), LogsFixture.Create("logs-b"));

        response.Total().ShouldBe(10);
        response.At("_shards.total").GetInt32().ShouldBe(2);
        response.At("hits.hits.0._index").GetString().ShouldBe("logs-a");
        response.At("hits.hits.5._index").GetString().ShouldBe("logs-b");
    }
}
