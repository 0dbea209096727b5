using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class QueryDslTests
{
    [Theory]
    [InlineData("""{"match_all":{}}""", "1,2,3,4,5")]
    [InlineData("""{"match_none":{}}""", "")]
    [InlineData("""{"term":{"log.level":"error"}}""", "1,5")]
    [InlineData("""{"term":{"log.level":{"value":"ERROR","case_insensitive":true}}}""", "1,5")]
    [InlineData("""{"term":{"log.level":"ERROR"}}""", "")]
    [InlineData("""{"term":{"message":"login"}}""", "1,2,5")]
    [InlineData("""{"term":{"message":"Login"}}""", "")]
    [InlineData("""{"term":{"message.keyword":"Payment processed"}}""", "3")]
    [InlineData("""{"term":{"http.status":200}}""", "2,3")]
    [InlineData("""{"term":{"http.status":"200"}}""", "2,3")]
    [InlineData("""{"term":{"ok":true}}""", "2,3")]
    [InlineData("""{"term":{"ok":"false"}}""", "1,5")]
    [InlineData("""{"term":{"tags":"web"}}""", "1,5")]
    [InlineData("""{"terms":{"service.name":["crm","mes"]}}""", "3,4,5")]
    [InlineData("""{"terms":{"http.status":[500,504]}}""", "1,5")]
    [InlineData("""{"range":{"http.status":{"gte":500}}}""", "1,4,5")]
    [InlineData("""{"range":{"http.status":{"gt":500,"lt":507}}}""", "5")]
    [InlineData("""{"range":{"duration":{"lte":7.5}}}""", "2,3")]
    [InlineData("""{"range":{"service.name":{"gte":"crm","lt":"shop"}}}""", "3,4,5")]
    [InlineData("""{"exists":{"field":"host"}}""", "4")]
    [InlineData("""{"exists":{"field":"tags"}}""", "1,2,5")]
    [InlineData("""{"exists":{"field":"service"}}""", "1,2,3,4,5")]
    [InlineData("""{"match":{"message":"login alice"}}""", "1,2,5")]
    [InlineData("""{"match":{"message":{"query":"login alice","operator":"and"}}}""", "1")]
    [InlineData("""{"match":{"message":{"query":"user login failed","minimum_should_match":"2"}}}""", "1,2")]
    [InlineData("""{"match":{"message":"LOGIN"}}""", "1,2,5")]
    [InlineData("""{"match":{"message.keyword":"login"}}""", "")]
    [InlineData("""{"match":{"log.level":"info"}}""", "2,3")]
    [InlineData("""{"match":{"http.status":504}}""", "5")]
    [InlineData("""{"match_phrase":{"message":"login failed"}}""", "1")]
    [InlineData("""{"match_phrase":{"message":"failed login"}}""", "")]
    [InlineData("""{"match_phrase":{"message":{"query":"user failed","slop":1}}}""", "1")]
    [InlineData("""{"match_phrase_prefix":{"message":"login tim"}}""", "5")]
    [InlineData("""{"multi_match":{"query":"crm","fields":["service.name","message"]}}""", "3,5")]
    [InlineData("""{"multi_match":{"query":"db-1","fields":["*"]}}""", "4")]
    [InlineData("""{"prefix":{"service.name":"sh"}}""", "1,2")]
    [InlineData("""{"prefix":{"message":"pay"}}""", "3")]
    [InlineData("""{"wildcard":{"service.name":{"value":"*r*"}}}""", "3,5")]
    [InlineData("""{"wildcard":{"message.keyword":"User*"}}""", "1,2")]
    [InlineData("""{"regexp":{"service.name":"c.m|me."}}""", "3,4,5")]
    [InlineData("""{"ids":{"values":["2","4","99"]}}""", "2,4")]
    [InlineData("""{"constant_score":{"filter":{"term":{"log.level":"warn"}},"boost":2}}""", "4")]
    [InlineData("""{"dis_max":{"queries":[{"term":{"log.level":"warn"}},{"term":{"service.name":"crm"}}]}}""", "3,4,5")]
    [InlineData("""{"term":{"_id":"3"}}""", "3")]
    [InlineData("""{"terms":{"_index":["logs"]}}""", "1,2,3,4,5")]
    public void QueryMatchesTheDocumentsElasticsearchWouldMatch(string query, string expectedIds)
    {
        var response = SearchRunner.Search($$"""{"query":{{query}},"size":100}""", LogsFixture.Create());

        string.Join(',', response.Ids().Order(StringComparer.Ordinal)).ShouldBe(expectedIds);
        SearchRunner.Count($$"""{"query":{{query}}}""", LogsFixture.Create()).ShouldBe(expectedIds.Length == 0 ? 0 : expectedIds.Split(',').Length);
    }

    [Theory]
    [InlineData("""{"bool":{"must":[{"match":{"message":"login"}}],"filter":[{"term":{"log.level":"error"}}]}}""", "1,5")]
    [InlineData("""{"bool":{"must_not":[{"term":{"log.level":"info"}}]}}""", "1,4,5")]
    [InlineData("""{"bool":{"should":[{"term":{"service.name":"mes"}},{"term":{"http.status":200}}]}}""", "2,3,4")]
    [InlineData("""{"bool":{"should":[{"term":{"service.name":"mes"}},{"term":{"log.level":"warn"}},{"term":{"host":"db-1"}}],"minimum_should_match":2}}""", "4")]
    [InlineData("""{"bool":{"should":[{"term":{"service.name":"crm"}},{"term":{"log.level":"error"}}],"minimum_should_match":"100%"}}""", "5")]
    [InlineData("""{"bool":{"should":[{"term":{"service.name":"crm"}},{"term":{"log.level":"error"}}],"minimum_should_match":-1}}""", "1,3,5")]
    [InlineData("""{"bool":{"filter":{"term":{"service.name":"shop"}},"should":[{"term":{"ok":true}}]}}""", "1,2")]
    [InlineData("""{"bool":{"filter":{"term":{"service.name":"shop"}},"should":[{"term":{"ok":true}}],"minimum_should_match":1}}""", "2")]
    [InlineData("""{"bool":{}}""", "1,2,3,4,5")]
    [InlineData("""{"bool":{"must":{"bool":{"should":[{"term":{"tags":"auth"}},{"term":{"host":"db-1"}}]}},"must_not":{"term":{"ok":true}}}}""", "1,4")]
    public void BoolQueryCombinesClausesLikeElasticsearch(string query, string expectedIds)
    {
        var response = SearchRunner.Search($$"""{"query":{{query}}}""", LogsFixture.Create());

        string.Join(',', response.Ids().Order(StringComparer.Ordinal)).ShouldBe(expectedIds);
    }

    [Fact]
    public void FilterContextScoresZeroAndConstantScoreScoresItsBoost()
    {
        var filtered = SearchRunner.Search("""{"query":{"bool":{"filter":{"term":{"log.level":"error"}}}}}""", LogsFixture.Create());
        var constant = SearchRunner.Search("""{"query":{"constant_score":{"filter":{"term":{"log.level":"error"}},"boost":1.5}}}""", LogsFixture.Create());

        filtered.At("hits.hits.0._score").GetDouble().ShouldBe(0);
        filtered.At("hits.max_score").GetDouble().ShouldBe(0);
        constant.At("hits.hits.0._score").GetDouble().ShouldBe(1.5);
    }

    [Fact]
    public void ResultsAreOrderedByScoreWithMoreMatchingTermsFirst()
    {
        var response = SearchRunner.Search("""{"query":{"match":{"message":"login failed alice"}}}""", LogsFixture.Create());

        response.Ids()[0].ShouldBe("1");
        response.At("hits.max_score").GetDouble().ShouldBe(response.At("hits.hits.0._score").GetDouble());
        response.At("hits.hits.0._score").GetDouble().ShouldBeGreaterThan(response.At("hits.hits.1._score").GetDouble());
    }

    [Fact]
    public void TermsLookupReadsValuesFromAnotherDocument()
    {
        var shard = new TestShard("users", """{"user":{"type":"keyword"},"followers":{"type":"keyword"}}""")
            .Add("u1", """{"user":"u1","followers":["u2","u3"]}""")
            .Add("u2", """{"user":"u2","followers":["u1","u3","u4"]}""")
            .Add("u3", """{"user":"u3","followers":["u1"]}""");

        var response = SearchRunner.Search("""{"query":{"terms":{"user":{"index":"users","id":"u1","path":"followers"}}}}""", shard);

        string.Join(',', response.Ids()).ShouldBe("u2,u3");
    }
}
