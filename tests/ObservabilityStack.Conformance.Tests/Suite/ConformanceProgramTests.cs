using ObservabilityStack.Conformance.Tests.Support;

namespace ObservabilityStack.Conformance.Tests.Suite;

/// <summary>The runner as a program: output format and exit codes.</summary>
public sealed class ConformanceProgramTests : IDisposable
{
    private readonly TempSuite _suite = new();

    [Fact]
    public async Task TheProgramPrintsEachFailureAndEndsWithTheCountsLineAndExitsZero()
    {
        _suite.WriteTest("info", "10_info", "\"ok\":\n  - do: {info: {}}\n  - match: {name: x}\n---\n\"bad\":\n  - do: {info: {}}\n  - match: {name: y}\n");
        await using var cluster = await FakeCluster.StartAsync((context, _) => FakeCluster.JsonAsync(context, 200, """{"name":"x","version":{"number":"9.1.0"}}"""));

        var (exit, stdout, _) = await RunAsync("--tests", _suite.TestsDirectory, "--url", cluster.Url.ToString());

        exit.ShouldBe(0);
        var lines = stdout.TrimEnd().Split('\n');
        lines.ShouldBe(["FAIL info/10_info/bad: test step 2 (match): match name: expected \"y\" but got \"x\"", "1 passed, 1 failed, 0 skipped"]);
    }

    [Theory]
    [InlineData("--url", "http://127.0.0.1:1")]
    [InlineData("--tests", "/definitely/not/here")]
    [InlineData("--tests", ".", "--url", "ftp://x")]
    [InlineData("--tests", ".", "--bogus", "1")]
    public async Task UsageErrorsExitTwoWithAMessage(params string[] args)
    {
        var (exit, stdout, stderr) = await RunAsync(args);

        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldStartWith("error: ");
        stderr.ShouldContain("usage:");
    }

    public void Dispose() => _suite.Dispose();

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        ChildProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "ObservabilityStack.Conformance.dll"), .. args], AppContext.BaseDirectory, TimeSpan.FromMinutes(1));
}
