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

    private static async Task WriteAsync(TestCluster cluster, string stream, string id, DateTimeOffset at, string service, string message, string order)
    {
        var body = $$$"""{"@timestamp":"{{{at:O}}}","message":"{{{message}}}","log":{"level":"info"},"service":{"name":"{{{service}}}"},"order":{"id":"{{{order}}}"},"event":{"id":"{{{id}}}"}}""";
        var response = await cluster.Client.SendJsonAsync(HttpMethod.Put, $"/{stream}/_create/{id}?refresh=true", body);
        response.IsSuccess.ShouldBeTrue(System.Text.Encoding.UTF8.GetString(response.Body.Span));
    }
}
