using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Http;

public sealed class PipelineTests
{
    [Fact]
    public async Task EveryAnswerCarriesTheElasticProductHeaderEvenErrors()
    {
        await using var es = await TestEmulator.StartAsync();
        var ok = await es.GetAsync("/");
        var missing = await es.GetAsync("/nope/_doc/1");
        ok.Headers.GetValues("X-Elastic-Product").ShouldBe(["Elasticsearch"]);
        missing.Headers.GetValues("X-Elastic-Product").ShouldBe(["Elasticsearch"]);
        missing.Code.ShouldBe(404);
    }

    [Fact]
    public async Task RootAnswersVersionNineAndHeadAnswersWithoutBody()
    {
        await using var es = await TestEmulator.StartAsync();
        var info = await es.GetAsync("/");
        info.Json["version"]!["number"]!.GetValue<string>().ShouldStartWith("9.");
        info.Json["tagline"]!.GetValue<string>().ShouldBe("You Know, for Search");
        var head = await es.HeadAsync("/");
        head.Code.ShouldBe(200);
        head.Raw.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    public async Task CompatibleWithHeadersAreAcceptedAndAnsweredInKind(int version)
    {
        await using var es = await TestEmulator.StartAsync();
        var type = $"application/vnd.elasticsearch+json; compatible-with={version}";
        var answer = await es.SendRawAsync(HttpMethod.Put, "/compat", "{}", type, type);
        answer.Code.ShouldBe(200);
        answer.ContentType.ShouldBe($"application/vnd.elasticsearch+json; compatible-with={version}");
    }

    [Fact]
    public async Task AnUnsupportedCompatibleVersionIsABadRequest()
    {
        await using var es = await TestEmulator.StartAsync();
        var type = "application/vnd.elasticsearch+json; compatible-with=7";
        var answer = await es.SendRawAsync(HttpMethod.Get, "/", null, type, type);
        answer.Code.ShouldBe(400);
        answer.ErrorType.ShouldBe("media_type_header_exception");
    }

    [Fact]
    public async Task MalformedJsonIsAParseErrorInElasticsearchShapeWithoutStackTrace()
    {
        await using var es = await TestEmulator.StartAsync();
        var answer = await es.SendRawAsync(HttpMethod.Put, "/broken", "{\"settings\": {", "application/json");
        answer.Code.ShouldBe(400);
        answer.ErrorType.ShouldBe("x_content_parse_exception");
        answer.Json["error"]!["root_cause"]![0]!["type"]!.GetValue<string>().ShouldBe("x_content_parse_exception");
        answer.Json["status"]!.GetValue<int>().ShouldBe(400);
        answer.Raw.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task AWrongMethodIs405AndAnUnknownEndpointIs400()
    {
        await using var es = await TestEmulator.StartAsync();
        var wrong = await es.DeleteAsync("/_cluster/health");
        wrong.Code.ShouldBe(405);
        wrong.Json["error"]!.GetValue<string>().ShouldContain("Incorrect HTTP method");
        var unknown = await es.GetAsync("/a/b/c/d/e");
        unknown.Code.ShouldBe(400);
        unknown.Json["error"]!.GetValue<string>().ShouldContain("no handler found");
    }

    [Fact]
    public async Task ClusterHealthIsGreenAndCountsShards()
    {
        await using var es = await TestEmulator.StartAsync();
        (await es.PutAsync("/h1", """{"settings":{"number_of_shards":2}}""")).Code.ShouldBe(200);
        var health = await es.GetAsync("/_cluster/health");
        health.Json["status"]!.GetValue<string>().ShouldBe("green");
        health.Json["active_primary_shards"]!.GetValue<int>().ShouldBe(2);
    }
}
