using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Execution;

namespace ObservabilityStack.Conformance.Tests.Execution;

public sealed class ObjectPathTests
{
    private static readonly JsonNode Body = JsonNode.Parse("""
        {"hits":{"hits":[{"_id":"1","_source":{"a.b":7,"c":{"d":"x"}}}]},"nodes":{"n1":{"name":"node"}}}
        """)!;

    [Theory]
    [InlineData("hits.hits.0._id", "\"1\"")]
    [InlineData(@"hits.hits.0._source.a\.b", "7")]
    [InlineData("hits.hits.0._source.c.d", "\"x\"")]
    [InlineData("nodes._arbitrary_key_", "\"n1\"")]
    [InlineData(".hits..hits.0._id", "\"1\"")]
    public void PathsNavigateObjectsListsAndEscapedDots(string path, string expected)
    {
        ObjectPath.Evaluate(Body, path, new Stash())!.ToJsonString().ShouldBe(expected);
    }

    [Fact]
    public void StashedValuesCanNameAPathSegment()
    {
        var stash = new Stash();
        stash.Set("node", JsonValue.Create("n1"));

        ObjectPath.Evaluate(Body, "nodes.$node.name", stash)!.GetValue<string>().ShouldBe("node");
    }

    [Theory]
    [InlineData("hits.hits.1")]
    [InlineData("hits.missing")]
    [InlineData("hits.hits.0._id.deeper")]
    public void AbsentPathsAreReportedAsAbsent(string path)
    {
        ObjectPath.TryEvaluate(Body, path, new Stash(), out _).ShouldBeFalse();
        Should.Throw<StepFailedException>(() => ObjectPath.Evaluate(Body, path, new Stash())).Message.ShouldContain(path);
    }

    [Fact]
    public void EmptyPathAndDollarBodyAreTheWholeBody()
    {
        ObjectPath.Evaluate(Body, "", new Stash()).ShouldBeSameAs(Body);
        ObjectPath.Evaluate(Body, "$body", new Stash()).ShouldBeSameAs(Body);
    }
}
