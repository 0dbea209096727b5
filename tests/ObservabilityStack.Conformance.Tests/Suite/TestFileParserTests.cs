using ObservabilityStack.Conformance.Suite;

namespace ObservabilityStack.Conformance.Tests.Suite;

public sealed class TestFileParserTests
{
    [Fact]
    public void SetupTeardownAndTestsAreSeparatedAndTestsKeepFileOrder()
    {
        var file = TestFileParser.Parse("bulk", "10_basic", """
            setup:
              - do: {indices.create: {index: a}}
            ---
            teardown:
              - do: {indices.delete: {index: a}}
            ---
            "second":
              - is_true: ''
            ---
            "first":
              - match: {a: 1}
              - length: {b: 2}
            """);

        file.Setup.Count.ShouldBe(1);
        file.Teardown.Count.ShouldBe(1);
        file.Tests.Select(t => t.Name).ShouldBe(["second", "first"]);
        file.Tests[1].Steps.Count.ShouldBe(2);
        file.FullName(file.Tests[1]).ShouldBe("bulk/10_basic/first");
    }

    [Fact]
    public void MalformedYamlIsAFormatErrorNamingTheLine()
    {
        var error = Should.Throw<FormatException>(() => TestFileParser.Parse("x", "y", "\"t\":\n  - do: {info: {}\n  - match: [\n"));

        error.Message.ShouldStartWith("invalid YAML at line");
    }

    [Fact]
    public void ASectionThatIsNotAListOfStepsIsRejected()
    {
        Should.Throw<FormatException>(() => TestFileParser.Parse("x", "y", "\"t\": 5\n"))
            .Message.ShouldContain("not a list of steps");
    }
}
