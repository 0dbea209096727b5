using System.Text.Json.Nodes;
using ObservabilityStack.Serilog.Formatting;
using ObservabilityStack.Serilog.Tests.Support;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Tests.Formatting;

public class EcsJsonFormatterTests
{
    [Fact]
    public void BusinessEventMatchesTheGoldenDocument() =>
        AssertGolden("order-created.json", Json.Document(GoldenEvents.OrderCreated()));

    [Fact]
    public void FailedRequestMatchesTheGoldenDocumentWithoutTheStackTrace()
    {
        var document = Json.Document(GoldenEvents.RequestFailed());
        var stackTrace = document["error"]!["stack_trace"]!.GetValue<string>();
        document["error"]!.AsObject().Remove("stack_trace");
        AssertGolden("request-failed.json", document);

        stackTrace.ShouldContain("System.InvalidOperationException: Order could not be forwarded");
        stackTrace.ShouldContain("---> System.TimeoutException: CRM did not answer");
        stackTrace.ShouldContain(nameof(GoldenEvents.RequestFailed));
    }

    [Fact]
    public void TheDocumentIsASingleLine() =>
        Json.Format(GoldenEvents.RequestFailed()).ShouldNotContain("\n");

    [Theory]
    [InlineData(LogEventLevel.Verbose, "trace")]
    [InlineData(LogEventLevel.Debug, "debug")]
    [InlineData(LogEventLevel.Information, "info")]
    [InlineData(LogEventLevel.Warning, "warn")]
    [InlineData(LogEventLevel.Error, "error")]
    [InlineData(LogEventLevel.Fatal, "fatal")]
    public void LevelsUseTheEcsNames(LogEventLevel level, string expected) =>
        Json.Document(Some.Event("x", level))["log"]!["level"]!.GetValue<string>().ShouldBe(expected);

    [Fact]
    public void NumericOrderIdsAreWrittenAsStringsSoTheFieldKeepsOneType() =>
        Json.Document(Some.Event(properties: ("OrderId", 42)))["order"]!["id"]!.GetValue<string>().ShouldBe("42");

    [Fact]
    public void DestructuredObjectsAreCutAtTheDepthLimit()
    {
        LogEventPropertyValue nested = new ScalarValue("bottom");
        for (var i = 0; i < 8; i++)
        {
            nested = new StructureValue([new LogEventProperty("Child", nested)]);
        }

        var document = Json.Document(Some.Event("x", properties: ("Deep", nested)), new EcsFormatterOptions { MaxDepth = 3 });

        var level3 = document["attributes"]!["Deep"]!["Child"]!["Child"]!;
        level3["Child"]!.GetValue<string>().ShouldBe("...");
    }

    [Fact]
    public void CollectionsAreCutAtTheItemLimit()
    {
        var sequence = new SequenceValue(Enumerable.Range(0, 50).Select(i => new ScalarValue(i)));

        var document = Json.Document(Some.Event("x", properties: ("Items", sequence)), new EcsFormatterOptions { MaxCollectionItems = 10 });

        document["attributes"]!["Items"]!.AsArray().Count.ShouldBe(10);
    }

    [Fact]
    public void LongStringsAreTruncatedWithAnEllipsis()
    {
        var document = Json.Document(Some.Event("x", properties: ("Note", new string('a', 100))), new EcsFormatterOptions { MaxStringLength = 10 });

        document["labels"]!["note"]!.GetValue<string>().ShouldBe("aaaaaaaaaa…");
    }

    [Fact]
    public void TheTextWriterOverloadEndsEachDocumentWithANewline()
    {
        using var writer = new StringWriter();
        new EcsJsonFormatter().Format(Some.Information(), writer);

        writer.ToString().ShouldEndWith("}\n");
        JsonNode.Parse(writer.ToString())!["order"]!["id"]!.GetValue<string>().ShouldBe("order-0");
    }

    private static void AssertGolden(string name, JsonObject actual)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Formatting", "Golden", name);
        var expected = JsonNode.Parse(File.ReadAllText(path));
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Fail($"{name} differs from the golden document.\nActual:\n{actual.ToJsonString(new() { WriteIndented = true })}");
        }
    }
}
