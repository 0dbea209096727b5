using System.Text.RegularExpressions;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Features.Bootstrap;

public sealed partial class EmulatorColumnsOptionTests
{
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task TheEmulatorWarmsItsColumnsUnlessLazyColumnsIsGiven(bool lazy, bool warm)
    {
        var cli = new CliHarness();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var args = lazy ? new[] { "emulator", "--port", "0", "--lazy-columns" } : ["emulator", "--port", "0"];
        var run = cli.RunAsync(stop.Token, args);
        var url = await ListeningUrlAsync(cli, run);

        using var http = new HttpClient();
        var stats = await http.GetStringAsync(new Uri(url, "/_emulator/stats"));
        stats.ShouldContain($"\"warm_columns\":{(warm ? "true" : "false")}");

        await stop.CancelAsync();
        (await run).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
    }

    private static async Task<Uri> ListeningUrlAsync(CliHarness cli, Task<int> run)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (Listening().Match(cli.Out.ToString()) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            run.IsCompleted.ShouldBeFalse($"obs emulator stopped early: {cli.Error}");
            await Task.Delay(100);
        }

        throw new TimeoutException($"obs emulator printed no URL: {cli.Out}");
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:[0-9]+/?)")]
    private static partial Regex Listening();
}
