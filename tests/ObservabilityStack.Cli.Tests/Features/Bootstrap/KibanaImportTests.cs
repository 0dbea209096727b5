using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Features.Bootstrap;

public sealed class KibanaImportTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("obs-kibana-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task BootstrapImportsEverySavedObjectThroughTheImportApiWithOverwrite()
    {
        string? imported = null;
        string? query = null;
        string? xsrf = null;
        await using var kibana = await FakeKibanaAsync("8.15.0", async context =>
        {
            query = context.Request.QueryString.Value;
            xsrf = context.Request.Headers["kbn-xsrf"];
            var form = await context.Request.ReadFormAsync();
            using var reader = new StreamReader(form.Files["file"]!.OpenReadStream());
            imported = await reader.ReadToEndAsync();
            var count = imported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            await context.Response.WriteAsync($"{{\"success\":true,\"successCount\":{count}}}");
        });
        await using var cluster = await TestCluster.StartAsync();
        var cli = new CliHarness(_work);
        var code = await cli.RunAsync(["bootstrap", .. cluster.Args, "--kibana", kibana.Urls.First()]);
        code.ShouldBe(ExitCodes.Ok, cli.Error.ToString());

        query.ShouldBe("?overwrite=true");
        xsrf.ShouldNotBeNullOrEmpty();
        var expected = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "kibana-dashboards"), "*.ndjson")
            .Sum(f => File.ReadLines(f).Count(l => l.Length > 0));
        imported!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(expected);
        cli.Out.ToString().ShouldContain($"{expected} saved objects imported");
    }

    [Fact]
    public async Task ASecondBootstrapFindsTheSavedObjectsUnchangedAndAChangedOneIsUpdated()
    {
        await using var kibana = await SavedObjectsKibana.StartAsync();
        await using var cluster = await TestCluster.StartAsync();

        var first = new CliHarness(_work);
        (await first.RunAsync(["bootstrap", .. cluster.Args, "--kibana", kibana.Url])).ShouldBe(ExitCodes.Ok, first.Error.ToString());
        kibana.Imports.ShouldBe(1);
        first.Out.ToString().ShouldContain($"{kibana.Objects.Count} new, 0 changed, 0 unchanged");

        var second = new CliHarness(_work);
        (await second.RunAsync(["bootstrap", .. cluster.Args, "--kibana", kibana.Url])).ShouldBe(ExitCodes.Ok, second.Error.ToString());
        kibana.Imports.ShouldBe(1);
        second.Out.ToString().ShouldContain($"0 new, 0 changed, {kibana.Objects.Count} unchanged");

        var edited = kibana.Objects.Values.First(o => o["type"]!.GetValue<string>() == "dashboard");
        edited["attributes"]!["title"] = "renamed by hand in Kibana";
        var third = new CliHarness(_work);
        (await third.RunAsync(["bootstrap", .. cluster.Args, "--kibana", kibana.Url])).ShouldBe(ExitCodes.Ok, third.Error.ToString());
        third.Out.ToString().ShouldContain("0 new, 1 changed");
        kibana.Imports.ShouldBe(2);
        edited = kibana.Objects.Values.First(o => o["id"]!.GetValue<string>() == edited["id"]!.GetValue<string>());
        edited["attributes"]!["title"]!.GetValue<string>().ShouldNotBe("renamed by hand in Kibana");
    }

    [Fact]
    public async Task AnOldKibanaIsRefusedWithTheSupportedVersions()
    {
        await using var kibana = await FakeKibanaAsync("7.17.0", context => context.Response.WriteAsync("{}"));
        await using var cluster = await TestCluster.StartAsync();
        var cli = new CliHarness(_work);
        (await cli.RunAsync(["bootstrap", .. cluster.Args, "--kibana", kibana.Urls.First(), "--dry-run"])).ShouldBe(ExitCodes.Unavailable);
        cli.Error.ToString().ShouldContain("Kibana 7.17.0");
        cli.Error.ToString().ShouldContain("8.x or 9.x");
    }

    private static Task<WebApplication> FakeKibanaAsync(string version, RequestDelegate import) => FakeHttpServer.StartAsync(app =>
    {
        app.MapGet("/api/status", () => Results.Json(new { version = new { number = version } }));
        app.MapPost("/api/saved_objects/_import", import);
    });
}
