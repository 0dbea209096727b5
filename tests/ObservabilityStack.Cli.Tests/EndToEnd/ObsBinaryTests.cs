using System.Text.RegularExpressions;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.EndToEnd;

public sealed partial class ObsBinaryTests
{
    [Fact]
    public async Task HelpListsEveryTopLevelCommandAndExitsZero()
    {
        var (code, stdout, stderr) = await ObsProcess.RunAsync("--help");
        code.ShouldBe(0, stderr);
        foreach (var command in new[] { "up", "emulator", "logs", "bench" })
        {
            stdout.ShouldContain($"  {command}");
        }
    }

    [Fact]
    public async Task BadArgumentsGiveAClearMessageAndANonZeroExit()
    {
        var (code, stdout, stderr) = await ObsProcess.RunAsync("emulator", "--port", "not-a-number");
        code.ShouldBe(2);
        stderr.ShouldContain("not-a-number");
        stderr.ShouldContain("obs emulator --help");
        stderr.ShouldNotContain("Exception");
        stdout.ShouldNotContain("Emulator listening");
    }

    [Fact]
    public async Task EmulatorStartsAnswersAndStopsCleanlyOnCtrlC()
    {
        using var obs = ObsProcess.Start("emulator", "--port", "0");
        var output = await obs.WaitForOutputAsync(o => UrlRegex().IsMatch(o), TimeSpan.FromSeconds(30));
        var url = UrlRegex().Match(output).Value;
        using (var http = new HttpClient())
        {
            var root = await http.GetStringAsync(new Uri(url));
            root.ShouldContain("\"number\"");
        }

        obs.Interrupt();
        var code = await obs.WaitForExitAsync(TimeSpan.FromSeconds(30));
        code.ShouldBe(0, obs.StandardError);
        obs.StandardOutput.ShouldContain("Emulator stopped.");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:[0-9]+/")]
    private static partial Regex UrlRegex();
}
