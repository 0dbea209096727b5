using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Commands.Logs;

public sealed class ShowCommandTests
{
    [Fact]
    public async Task LogsMergesEveryServiceIntoOneTimelineAndFiltersByOrder()
    {
        await using var cluster = await TestCluster.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await WriteAsync(cluster, "logs-shop_api-production", "e1", now.AddMinutes(-3), "shop-api", "order created", "o-1");
        await WriteAsync(cluster, "logs-mes_api-production", "e3", now.AddMinutes(-1), "mes-api", "order manufactured", "o-1");
        await WriteAsync(cluster, "logs-crm_api-production", "e2", now.AddMinutes(-2), "crm-api", "order confirmed", "o-1");
        await WriteAsync(cluster, "logs-crm_api-production", "e4", now.AddMinutes(-2), "crm-api", "other order", "o-2");

        var cli = new CliHarness();
        (await cli.RunAsync(["logs", .. cluster.Args, "--order", "o-1"])).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        var lines = cli.Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3, cli.Out.ToString());
        lines[0].ShouldContain("order created");
        lines[1].ShouldContain("order confirmed");
        lines[2].ShouldContain("order manufactured");
    }

    [Fact]
    public async Task FollowPrintsEventsThatArriveLaterAndStopsCleanlyWhenCancelled()
    {
        await using var cluster = await TestCluster.StartAsync();
        await WriteAsync(cluster, "logs-shop_api-production", "f1", DateTimeOffset.UtcNow.AddSeconds(-5), "shop-api", "before follow", "o-9");
        var cli = new CliHarness();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = cli.RunAsync(stop.Token, ["logs", .. cluster.Args, "-f", "--interval", "0.1"]);
        await WaitForAsync(() => cli.Out.ToString().Contains("before follow", StringComparison.Ordinal));
        await WriteAsync(cluster, "logs-mes_api-production", "f2", DateTimeOffset.UtcNow, "mes-api", "after follow", "o-9");
        await WaitForAsync(() => cli.Out.ToString().Contains("after follow", StringComparison.Ordinal));
        await stop.CancelAsync();
        (await run).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        cli.Out.ToString().Split("before follow").Length.ShouldBe(2, "an event printed twice");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue();
    }

    private static async Task WriteAsync(TestCluster cluster, string stream, string id, DateTimeOffset at, string service, string message, string order)
    {
        var body = $$$"""{"@timestamp":"{{{at:O}}}","message":"{{{message}}}","log":{"level":"info"},"service":{"name":"{{{service}}}"},"order":{"id":"{{{order}}}"},"event":{"id":"{{{id}}}"}}""";
        var response = await cluster.Client.SendJsonAsync(HttpMethod.Put, $"/{stream}/_create/{id}?refresh=true", body);
        response.IsSuccess.ShouldBeTrue(System.Text.Encoding.UTF8.GetString(response.Body.Span));
    }
}
