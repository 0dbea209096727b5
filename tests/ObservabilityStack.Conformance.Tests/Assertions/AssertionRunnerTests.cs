using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Assertions;
using ObservabilityStack.Conformance.Execution;
using ObservabilityStack.Conformance.Yaml;

namespace ObservabilityStack.Conformance.Tests.Assertions;

public sealed class AssertionRunnerTests
{
    private const string Body = """
        {"count":1,"ratio":0.5,"took":12,"name":"node-1","empty":"","zero":0,"f":false,"n":null,
         "list":[1,{"a":1,"b":2}],"obj":{"x":1,"y":[1,2]},"when":"2024-01-02T00:00:00Z"}
        """;

    public static TheoryData<string> Holding => new()
    {
        "match: {count: 1.0}",
        "match: {obj: {y: [1, 2], x: 1}}",
        "match: {name: \"/^node - \\\\d  # comments and spaces are ignored\\n/\"}",
        "match: {n: null}",
        "match: {absent: null}",
        "length: {list: 2}",
        "length: {obj: 2}",
        "length: {name: 6}",
        "is_true: name",
        "is_true: ''",
        "is_false: empty",
        "is_false: zero",
        "is_false: f",
        "is_false: n",
        "is_false: absent",
        "gt: {took: 1}",
        "gte: {took: 12}",
        "lt: {ratio: 1}",
        "lte: {count: 1}",
        "contains: {list: {a: 1}}",
        "contains: {list: 1}",
        "contains: {name: ode}",
        "close_to: {ratio: {value: 0.49, error: 0.02}}",
        "exists: obj.x",
        "not_exists: obj.z",
        "is_after: {when: \"2024-01-01T00:00:00Z\"}",
    };

    public static TheoryData<string, string> Failing => new()
    {
        { "match: {count: 2}", "expected 2 but got 1" },
        { "match: {count: \"1\"}", "expected \"1\" but got 1" },
        { "match: {obj: {x: 1}}", "match obj" },
        { "match: {name: /^node-2$/}", "does not match" },
        { "match: {count: /1/}", "expected a string" },
        { "match: {absent: 1}", "absent" },
        { "length: {list: 3}", "expected 3 but got 2" },
        { "is_true: empty", "to be true" },
        { "is_true: absent", "absent" },
        { "is_false: name", "to be false" },
        { "gt: {took: 12}", "is not gt" },
        { "lt: {took: 12}", "is not lt" },
        { "contains: {list: {a: 2}}", "does not contain" },
        { "close_to: {ratio: {value: 0.4, error: 0.01}}", "0.4" },
        { "exists: obj.z", "to exist" },
        { "not_exists: obj.x", "not to exist" },
    };

    [Theory]
    [MemberData(nameof(Holding))]
    public void AssertionsThatHoldPass(string step)
    {
        Should.NotThrow(() => Run(step));
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public void AssertionsThatDoNotHoldFailWithAReason(string step, string reason)
    {
        Should.Throw<StepFailedException>(() => Run(step)).Message.ShouldContain(reason);
    }

    [Fact]
    public void SetStashesAValueForLaterMatches()
    {
        var stash = StashWithBody();
        Run("set: {obj.x: ex}", stash);

        Should.NotThrow(() => Run("match: {count: $ex}", stash));
        Should.Throw<StepFailedException>(() => Run("match: {took: $ex}", stash));
    }

    [Fact]
    public void TransformAndSetEncodesCredentialsInBase64()
    {
        var stash = StashWithBody();
        Run("transform_and_set: {login: \"#base64EncodeCredentials(name,count)\"}", stash);

        stash.Get("login")!.GetValue<string>().ShouldBe(Convert.ToBase64String("node-1:1"u8.ToArray()));
    }

    private static Stash StashWithBody() => new() { LastResponse = new RestResponse(200, JsonNode.Parse(Body), Body, []) };

    private static void Run(string yaml, Stash? stash = null)
    {
        var step = (JsonObject)YamlToJson.LoadDocuments(yaml)[0];
        var (kind, argument) = step.First();
        AssertionRunner.Run(kind, argument, stash ?? StashWithBody());
    }
}
