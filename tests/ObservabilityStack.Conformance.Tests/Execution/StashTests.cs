using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Execution;

namespace ObservabilityStack.Conformance.Tests.Execution;

public sealed class StashTests
{
    [Fact]
    public void AWholeStashReferenceKeepsTheValueTypeAndEmbeddedReferencesBecomeText()
    {
        var stash = new Stash();
        stash.Set("count", JsonValue.Create(3));
        stash.Set("id", JsonValue.Create("abc"));

        var replaced = stash.Replace(JsonNode.Parse("""{"n":"$count","s":"doc-${id}-${count}","$id":["${count}"]}"""))!;

        replaced.ToJsonString().ShouldBe("""{"n":3,"s":"doc-abc-3","abc":["3"]}""");
    }

    [Fact]
    public void DollarBodyIsTheLastResponseBody()
    {
        var stash = new Stash { LastResponse = new RestResponse(200, JsonNode.Parse("""{"a":1}"""), "{\"a\":1}", []) };

        stash.Replace(JsonValue.Create("$body"))!.ToJsonString().ShouldBe("""{"a":1}""");
    }

    [Fact]
    public void AnUnknownStashNameFailsTheStep()
    {
        Should.Throw<StepFailedException>(() => new Stash().Replace(JsonValue.Create("$nope"))).Message.ShouldContain("nope");
    }

    [Fact]
    public void RegexesEndingInDollarAreNotStashReferences()
    {
        new Stash().Replace(JsonValue.Create("/^abc$/"))!.GetValue<string>().ShouldBe("/^abc$/");
    }
}
