using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Execution;
using ObservabilityStack.Conformance.Spec;
using ObservabilityStack.Conformance.Tests.Support;

namespace ObservabilityStack.Conformance.Tests.Spec;

public sealed class RequestBuilderTests : IDisposable
{
    private static readonly Dictionary<string, string> NoHeaders = [];
    private readonly TempSuite _suite = new();
    private readonly RequestBuilder _builder;

    public RequestBuilderTests() => _builder = new RequestBuilder(ApiSpecCatalog.Load(_suite.ApiDirectory));

    [Fact]
    public void ThePathUsingTheMostGivenPartsWinsAndTheRestBecomeQueryParameters()
    {
        var request = Build("index", """{"index":"logs 1","id":"7","refresh":true,"op_type":"create","body":{"a":1.0}}""");

        request.Method.ShouldBe(HttpMethod.Put);
        request.PathAndQuery.ShouldBe("/logs%201/_doc/7?refresh=true&op_type=create");
        request.Body.ShouldBe("""{"a":1.0}""");
        request.ContentType.ShouldBe("application/json");
    }

    [Fact]
    public void WithoutAnIdTheIndexApiPostsToTheCollection()
    {
        var request = Build("index", """{"index":"test","body":{}}""");

        request.Method.ShouldBe(HttpMethod.Post);
        request.PathAndQuery.ShouldBe("/test/_doc");
    }

    [Fact]
    public void ListsAreJoinedWithCommasInPathsAndParameters()
    {
        var request = Build("search", """{"index":["a","b*"],"filter_path":["hits.total","took"]}""");

        request.Method.ShouldBe(HttpMethod.Get);
        request.PathAndQuery.ShouldBe("/a,b*/_search?filter_path=hits.total,took");
    }

    [Fact]
    public void EmptyPartsCountAsNotGiven()
    {
        Build("search", """{"index":[]}""").PathAndQuery.ShouldBe("/_search");
        Build("search", """{"index":""}""").PathAndQuery.ShouldBe("/_search");
    }

    [Fact]
    public void BulkBodiesGivenAsListsBecomeNdjsonWithATrailingNewline()
    {
        var request = Build("bulk", """{"refresh":"true","body":[{"index":{"_index":"t"}},{"f":1},"{\"delete\":{\"_index\":\"t\",\"_id\":\"1\"}}"]}""");

        request.Method.ShouldBe(HttpMethod.Post);
        request.ContentType.ShouldBe("application/x-ndjson");
        request.Body.ShouldBe("{\"index\":{\"_index\":\"t\"}}\n{\"f\":1}\n{\"delete\":{\"_index\":\"t\",\"_id\":\"1\"}}\n");
    }

    [Fact]
    public void BulkBodiesGivenAsOneStringGetATrailingNewline()
    {
        Build("bulk", """{"body":"{\"index\":{}}\n{}"}""").Body.ShouldBe("{\"index\":{}}\n{}\n");
    }

    [Fact]
    public void LegacyFormatSpecsAreUnderstood()
    {
        var request = Build("indices.create", """{"index":"idx","wait_for_active_shards":1,"body":{"settings":{}}}""");

        request.Method.ShouldBe(HttpMethod.Put);
        request.PathAndQuery.ShouldBe("/idx?wait_for_active_shards=1");
    }

    [Fact]
    public void UnknownParametersAreErrorsOnlyWhenTheStepCatchesParam()
    {
        Should.Throw<UnknownParameterException>(() => _builder.Build("search", (JsonObject)JsonNode.Parse("""{"bogus":1}""")!, NoHeaders, checkParams: true));
        Should.NotThrow(() => _builder.Build("search", (JsonObject)JsonNode.Parse("""{"pretty":true}""")!, NoHeaders, checkParams: true));
        Should.NotThrow(() => _builder.Build("search", (JsonObject)JsonNode.Parse("""{"bogus":1}""")!, NoHeaders, checkParams: false));
    }

    [Fact]
    public void UnknownApisAndMissingPartsFailTheStep()
    {
        Should.Throw<StepFailedException>(() => Build("nope", "{}")).Message.ShouldContain("no API spec for 'nope'");
        Should.Throw<StepFailedException>(() => Build("indices.create", "{}")).Message.ShouldContain("no path of API 'indices.create'");
    }

    public void Dispose() => _suite.Dispose();

    private RestRequest Build(string api, string arguments) =>
        _builder.Build(api, (JsonObject)JsonNode.Parse(arguments)!, NoHeaders, checkParams: false);
}
