using System.Text.Json.Nodes;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features.Bootstrap;
using ObservabilityStack.Cli.Tests.Support;
using ObservabilityStack.Elasticsearch.Provisioning;

namespace ObservabilityStack.Cli.Tests.Features.Bootstrap;

public sealed class BootstrapCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("obs-bootstrap-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task TheFirstRunCreatesEveryObjectAndTheSecondRunChangesNothing()
    {
        await using var cluster = await TestCluster.StartAsync();
        var first = new CliHarness(_work);
        (await first.RunAsync(["bootstrap", .. cluster.Args])).ShouldBe(ExitCodes.Ok, first.Error.ToString());
        first.Out.ToString().ShouldContain("Bootstrap done");

        var template = JsonNode.Parse((await cluster.GetAsync("/_index_template/obs-logs-shop-api"))[4..])!["index_templates"]![0]!["index_template"]!;
        template["priority"]!.GetValue<int>().ShouldBe(200);
        template["index_patterns"]![0]!.GetValue<string>().ShouldBe("logs-shop_api-*");
        (await cluster.GetAsync("/_ilm/policy/obs-logs-shop-frontend")).ShouldContain("\"7d\"");
        (await cluster.GetAsync("/_ilm/policy/obs-logs-shop-api")).ShouldContain("\"14d\"");
        (await cluster.GetAsync("/_data_stream/logs-mes_api-production")).ShouldStartWith("200");
        (await cluster.GetAsync("/_data_stream/logs-deadletter-staging")).ShouldStartWith("200");

        var plan = await PlanAsync(cluster, ServicesFile());
        plan.Steps.Where(s => s.IsChange).Select(s => $"{s.Kind} {s.Name}: {s.Detail}").ShouldBeEmpty();
        var second = new CliHarness(_work);
        (await second.RunAsync(["bootstrap", .. cluster.Args])).ShouldBe(ExitCodes.Ok, second.Error.ToString());
        second.Out.ToString().ShouldContain("0 created, 0 updated");
    }

    [Fact]
    public async Task ADryRunShowsThePlanAndChangesNothing()
    {
        await using var cluster = await TestCluster.StartAsync();
        var cli = new CliHarness(_work);
        (await cli.RunAsync(["bootstrap", .. cluster.Args, "--dry-run"])).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        cli.Out.ToString().ShouldContain("obs-logs-crm-api");
        cli.Out.ToString().ShouldContain("Dry run, nothing changed");
        (await cluster.GetAsync("/_index_template/obs-logs-crm-api")).ShouldStartWith("404");
        (await cluster.GetAsync("/_component_template/obs-logs-mappings")).ShouldStartWith("404");
    }

    [Fact]
    public async Task ChangingOneServicesRetentionUpdatesOnlyThatServicesPolicyAndTemplate()
    {
        await using var cluster = await TestCluster.StartAsync();
        var services = Path.Combine(_work, "services.yaml");
        await File.WriteAllTextAsync(services, "services:\n  - name: alpha\n    retention_days: 3\n  - name: beta\n");
        var cli = new CliHarness(_work);
        (await cli.RunAsync(["bootstrap", .. cluster.Args, "--services", services])).ShouldBe(ExitCodes.Ok, cli.Error.ToString());

        await File.WriteAllTextAsync(services, "services:\n  - name: alpha\n    retention_days: 5\n  - name: beta\n");
        var plan = await PlanAsync(cluster, services);
        plan.Steps.Where(s => s.IsChange).Select(s => $"{s.Kind} {s.Name} {s.Action}")
            .ShouldBe(["ILM policy obs-logs-alpha Update", "index template obs-logs-alpha Update"], ignoreOrder: true);
    }

    [Fact]
    public async Task DocumentsWrittenAfterBootstrapGetTheContractMappings()
    {
        await using var cluster = await TestCluster.StartAsync();
        var cli = new CliHarness(_work);
        (await cli.RunAsync(["bootstrap", .. cluster.Args])).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        var doc = """{"@timestamp":"2026-11-21T10:00:00Z","message":"order created","service":{"name":"shop-api"},"labels":{"tenant":"eu"},"attributes":{"cart":{"items":3}},"client":{"ip":"10.0.0.1"}}""";
        var write = await cluster.Client.SendJsonAsync(HttpMethod.Put, "/logs-shop_api-production/_create/e-1?refresh=true", doc);
        write.IsSuccess.ShouldBeTrue(System.Text.Encoding.UTF8.GetString(write.Body.Span));

        var mapping = await cluster.GetAsync("/logs-shop_api-production/_mapping");
        var properties = JsonNode.Parse(mapping[4..])!.AsObject().First().Value!["mappings"]!["properties"]!;
        properties["attributes"]!["type"]!.GetValue<string>().ShouldBe("flattened");
        properties["labels"]!["properties"]!["tenant"]!["type"]!.GetValue<string>().ShouldBe("keyword");
        properties["client"]!["properties"]!["ip"]!["type"]!.GetValue<string>().ShouldBe("ip");
    }

    [Fact]
    public async Task AnUnreachableClusterIsReportedWithWhatToDo()
    {
        var cli = new CliHarness(_work);
        (await cli.RunAsync("bootstrap", "--elasticsearch", "http://127.0.0.1:1")).ShouldBe(ExitCodes.Unavailable);
        cli.Error.ToString().ShouldContain("Cannot reach Elasticsearch");
        cli.Error.ToString().ShouldContain("--elasticsearch");
    }

    private static string ServicesFile() => Path.Combine(AppContext.BaseDirectory, "config", "services.yaml");

    private static Task<BootstrapPlan> PlanAsync(TestCluster cluster, string servicesFile)
    {
        var assets = ProvisioningAssets.Load(Path.Combine(AppContext.BaseDirectory, "elk"), null);
        var catalog = ServicesFileLoader.Load(servicesFile);
        return new BootstrapPlanner(cluster.Client, assets, catalog).PlanAsync();
    }
}
