using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Core;

public sealed class CommandLineTests
{
    [Fact]
    public async Task AnUnknownOptionIsAUsageErrorThatPointsToHelp()
    {
        var cli = new CliHarness();
        var code = await cli.RunAsync("logs", "--no-such-option");
        code.ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("--no-such-option");
        cli.Error.ToString().ShouldContain("obs logs --help");
    }

    [Fact]
    public async Task HelpSucceedsAndListsTheCommands()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("--help")).ShouldBe(ExitCodes.Ok);
        cli.Out.ToString().ShouldContain("emulator");
        cli.Error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task SmtpAndOutboxTogetherAreRejectedBeforeAnythingStarts()
    {
        var cli = new CliHarness();
        var code = await cli.RunAsync("up", "--smtp", "127.0.0.1:25", "--outbox", "mail");
        code.ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("--smtp and --outbox");
    }

    [Fact]
    public async Task AMalformedSmtpAddressSaysWhatShapeIsExpected()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("up", "--smtp", "mailhost")).ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("HOST:PORT");
    }

    [Fact]
    public async Task AnUnreachableClusterGivesOneLineWithoutAStackTrace()
    {
        var cli = new CliHarness();
        var code = await cli.RunAsync("logs", "--elasticsearch", "http://127.0.0.1:1");
        code.ShouldBe(ExitCodes.Unavailable);
        var error = cli.Error.ToString();
        error.ShouldContain("http://127.0.0.1:1");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task ANonHttpUrlIsAUsageError()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("logs", "--elasticsearch", "ftp://example")).ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("not an http(s) URL");
    }

    [Fact]
    public async Task AUsernameWithoutPasswordVariableAsksForTheVariable()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("logs", "--username", "elastic")).ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("OBS_ELASTICSEARCH_PASSWORD");
    }

    [Fact]
    public async Task BenchDryRunPrintsTheReleaseCommandFromTheCheckout()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("bench", "emulator", "--dry-run")).ShouldBe(ExitCodes.Ok);
        cli.Out.ToString().ShouldContain("dotnet run -c Release --project tests/ObservabilityStack.Benchmarks -- load emulator");
    }

    [Fact]
    public void BenchOffersExactlyTheLoadRunsTheBenchmarkProjectHas()
    {
        var root = ObservabilityStack.Cli.Features.RepositoryLocator.FindAbove(ObservabilityStack.Cli.Features.RepositoryLocator.Marker, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("tests run inside the repository");
        var declared = Directory.GetFiles(Path.Combine(root, "tests", "ObservabilityStack.Benchmarks"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "public string Name => \"([a-z-]+)\";"))
            .Select(m => m.Groups[1].Value)
            .Where(n => !n.EndsWith("-host", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        declared.ShouldNotBeEmpty();
        ObservabilityStack.Cli.Commands.Bench.RunCommand.Names.Where(n => n != "all").Order(StringComparer.Ordinal).ShouldBe(declared);
    }

    [Fact]
    public async Task BenchRejectsUnknownRunNames()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("bench", "warp-drive")).ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("warp-drive");
    }
}
