using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class SearchEngineSmokeTests
{
    [Fact]
    public void MatchAllReturnsEveryDocumentWithElasticsearchShape()
    {
        var response = SearchRunner.Search("""{"query":{"match_all":{}}}""", LogsFixture.Create());

        response.At("timed_out").GetBoolean().ShouldBeFalse();
        response.At("_shards.total").GetInt32().ShouldBe(1);
        response.At("_shards.successful").GetInt32().ShouldBe(1);
        response.At("_shards.failed").GetInt32().ShouldBe(0);
        response.At("hits.total.value").GetInt32().ShouldBe(5);
        response.At("hits.total.relation").GetString().ShouldBe("eq");
        response.At("hits.max_score").GetDouble().ShouldBe(1.0);
        response.At("hits.hits.0._index").GetString().ShouldBe("logs");
        response.At("hits.hits.0._score").GetDouble().ShouldBe(1.0);
        response.At("hits.hits.0._source.message").GetString().ShouldBe("User login failed for alice");
        response.TryGetProperty("aggregations", out _).ShouldBeFalse();
    }

    [Fact]
    public void AbsentBodyMeansMatchAll()
    {
        SearchRunner.Search(null, LogsFixture.Create()).Total().ShouldBe(5);
        SearchRunner.Count(null, LogsFixture.Create()).ShouldBe(5);
    }
}
