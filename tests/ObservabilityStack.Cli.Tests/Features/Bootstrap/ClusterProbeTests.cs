using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Features.Bootstrap;

public sealed class ClusterProbeTests
{
    [Fact]
    public async Task WrongCredentialsSayWhichVariablesToSet()
    {
        await using var server = await FakeServerAsync(context =>
        {
            context.Response.StatusCode = 401;
            return context.Response.WriteAsync("""{"error":{"type":"security_exception","reason":"missing authentication credentials"}}""");
        });
        var cli = new CliHarness();
        (await cli.RunAsync("bootstrap", "--elasticsearch", Url(server), "--dry-run")).ShouldBe(ExitCodes.Unavailable);
        cli.Error.ToString().ShouldContain("refused the credentials (401)");
        cli.Error.ToString().ShouldContain("OBS_ELASTICSEARCH_API_KEY");
    }

    [Theory]
    [InlineData("7.17.9")]
    [InlineData("10.0.0")]
    public async Task UnsupportedVersionsAreRefusedBeforeAnythingIsWritten(string version)
    {
        var writes = 0;
        await using var server = await FakeServerAsync(context =>
        {
            if (context.Request.Method != "GET")
            {
                Interlocked.Increment(ref writes);
            }

            return context.Response.WriteAsync("{\"cluster_name\":\"old\",\"version\":{\"number\":\"" + version + "\"}}");
        });
        var cli = new CliHarness();
        (await cli.RunAsync("bootstrap", "--elasticsearch", Url(server))).ShouldBe(ExitCodes.Unavailable);
        cli.Error.ToString().ShouldContain($"Elasticsearch {version}");
        cli.Error.ToString().ShouldContain("8.x or 9.x");
        writes.ShouldBe(0);
    }

    [Fact]
    public async Task AServerThatIsNotElasticsearchIsNamedAsSuch()
    {
        await using var server = await FakeServerAsync(context => context.Response.WriteAsync("<html>hello</html>"));
        var cli = new CliHarness();
        (await cli.RunAsync("bootstrap", "--elasticsearch", Url(server))).ShouldBe(ExitCodes.Unavailable);
        cli.Error.ToString().ShouldContain("does not look like Elasticsearch");
    }

    private static string Url(WebApplication app) => app.Urls.First();

    private static Task<WebApplication> FakeServerAsync(RequestDelegate handler) => FakeHttpServer.StartAsync(app => app.Run(handler));
}
