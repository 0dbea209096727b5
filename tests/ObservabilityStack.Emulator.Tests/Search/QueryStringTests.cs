using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class QueryStringTests
{
    [Theory]
    [InlineData("log.level:error", "1,5")]
    [InlineData("log.level:error AND service.name:crm", "5")]
    [InlineData("log.level:error OR log.level:warn", "1,4,5")]
    [InlineData("log.level:error && NOT service.name:crm", "1")]
    [InlineData("+log.level:info -service.name:crm", "2")]
    [InlineData("NOT log.level:info", "1,4,5")]
    [InlineData("-log.level:info", "1,4,5")]
    [InlineData("message:\"login failed\"", "1")]
    [InlineData("message:login", "1,2,5")]
    [InlineData("login", "1,2,5")]
    [InlineData("alice OR bob", "1,5")]
    [InlineData("service.name:(crm OR mes)", "3,4,5")]
    [InlineData("(log.level:error AND tags:web) OR host:db-1", "1,4,5")]
    [InlineData("service.name:s*", "1,2")]
    [InlineData("message:pay*", "3")]
    [InlineData("message:PAY*", "3")]
    [InlineData("http.status:[500 TO 505]", "1,5")]
    [InlineData("http.status:{500 TO 507]", "4,5")]
    [InlineData("http.status:[504 TO *]", "4,5")]
    [InlineData("http.status:>=504", "4,5")]
    [InlineData("http.status:<500", "2,3")]
    [InlineData("duration:>10", "1,5")]
    [InlineData("@timestamp:[now-5m TO now]", "2,3,5")]
    [InlineData("_exists_:host", "4")]
    [InlineData("host:*", "4")]
    [InlineData("ok:true", "2,3")]
    [InlineData("200", "2,3")]
    [InlineData("log.level:error^2 service.name:mes", "1,4,5")]
    [InlineData("log.level:error service.name:crm", "1,3,5")]
    public void QueryStringFollowsLuceneSyntax(string query, string expectedIds)
    {
        var body = "{\"query\":{\"query_string\":{\"query\":" + System.Text.Json.JsonSerializer.Serialize(query) + "}}}";

        var response = SearchRunner.Search(body, LogsFixture.Create());

        string.Join(',', response.Ids().Order(StringComparer.Ordinal)).ShouldBe(expectedIds);
    }

    [Fact]
    public void DefaultOperatorAndRequiresEveryTerm()
    {
        var response = SearchRunner.Search("""{"query":{"query_string":{"query":"login alice","default_field":"message","default_operator":"AND"}}}""",
            LogsFixture.Create());

        response.Ids().ShouldBe(["1"]);
    }

    [Fact]
    public void QParameterIsAQueryString()
    {
        var response = SearchRunner.Search(null, new Dictionary<string, string> { ["q"] = "log.level:warn" }, LogsFixture.Create());

        response.Ids().ShouldBe(["4"]);
    }

    [Theory]
    [InlineData("login + bob", "5")]
    [InlineData("alice | bob", "1,5")]
    [InlineData("login -alice", "2,5")]
    [InlineData("\"login failed\"", "1")]
    [InlineData("pay*", "3")]
    public void SimpleQueryStringSupportsItsOperators(string query, string expectedIds)
    {
        var body = "{\"query\":{\"simple_query_string\":{\"query\":" + System.Text.Json.JsonSerializer.Serialize(query) + ",\"fields\":[\"message\"]}}}";

        var response = SearchRunner.Search(body, LogsFixture.Create());

        string.Join(',', response.Ids().Order(StringComparer.Ordinal)).ShouldBe(expectedIds);
    }

    [Fact]
    public void SimpleQueryStringWithMinimumShouldMatchOnKeywordField()
    {
        var shard = new TestShard("animals", """{"str":{"type":"keyword"}}""").AddAll("""{"str":"sheep"}""", """{"str":"cow"}""", """{"str":"pig"}""");

        var response = SearchRunner.Search("""{"query":{"simple_query_string":{"fields":["str"],"query":"sheep cow","minimum_should_match":1}}}""", shard);

        string.Join(',', response.Ids().Order(StringComparer.Ordinal)).ShouldBe("1,2");
    }

    [Fact]
    public void UnbalancedQueryStringIsAClientError()
    {
        var error = SearchRunner.SearchFails("""{"query":{"query_string":{"query":"(log.level:error"}}}""", LogsFixture.Create());

        error.Status.ShouldBe(400);
        error.Type.ShouldBe("query_shard_exception");
    }
}
