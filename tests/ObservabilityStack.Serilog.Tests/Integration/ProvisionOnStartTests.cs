using ObservabilityStack.Tests.Shared;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator;
using ObservabilityStack.Serilog.Tests.Support;
using Serilog;

namespace ObservabilityStack.Serilog.Tests.Integration;

/// <summary><c>ProvisionOnStart</c>: the direct sink bootstraps its service's templates and retention before writing.</summary>
public class ProvisionOnStartTests
{
    private static readonly string RepositoryRoot = FindRoot(AppContext.BaseDirectory);

    [Fact]
    public async Task TheServiceTemplateAndIlmPolicyExistAndTheDataStreamUsesThem()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        var options = new ElasticsearchSinkOptions
        {
            Url = emulator.Url,
            ServiceName = "billing-api",
            Environment = "test",
            ProvisionOnStart = true,
            AssetsDirectory = RepositoryRoot,
            RetentionDays = 3,
            Owner = "billing-team",
            Period = TimeSpan.FromMilliseconds(50),
        };
        using (var logger = new LoggerConfiguration().Enrich.WithObservabilityStack("billing-api", "1.0.0", "test").WriteTo.Elasticsearch(options).CreateLogger())
        {
            logger.Information("Invoice {InvoiceId} sent", "inv-1");
        }

        options.ProvisioningError.ShouldBeNull();
        options.Metrics.Sent.ShouldBe(1);
        using var http = new HttpClient { BaseAddress = emulator.Url };
        var template = await GetAsync(http, "/_index_template/obs-logs-billing-api");
        var templateBody = template["index_templates"]![0]!["index_template"]!;
        templateBody["index_patterns"]![0]!.GetValue<string>().ShouldBe("logs-billing_api-*");
        templateBody.ToJsonString().ShouldContain("billing-team");

        var policy = await GetAsync(http, "/_ilm/policy/obs-logs-billing-api");
        policy["obs-logs-billing-api"]!["policy"]!.ToJsonString().ShouldContain("\"3d\"");

        var stream = (await GetAsync(http, "/_data_stream/logs-billing_api-test"))["data_streams"]![0]!;
        stream["template"]!.GetValue<string>().ShouldBe("obs-logs-billing-api");
        stream["ilm_policy"]!.GetValue<string>().ShouldBe("obs-logs-billing-api");
        using var probe = new EmulatorProbe(emulator.Url);
        (await probe.DocumentsAsync("logs-billing_api-test")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task MissingAssetsAreReportedAndLoggingGoesOn()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        using var temp = new TempDirectory();
        var options = new ElasticsearchSinkOptions
        {
            Url = emulator.Url,
            ServiceName = "billing-api",
            Environment = "test",
            ProvisionOnStart = true,
            AssetsDirectory = temp.Path,
            Period = TimeSpan.FromMilliseconds(50),
        };
        using (var logger = new LoggerConfiguration().WriteTo.Elasticsearch(options).CreateLogger())
        {
            logger.Information("Invoice {InvoiceId} sent", "inv-2");
        }

        options.ProvisioningError.ShouldNotBeNull().ShouldContain("elk");
        options.Metrics.Sent.ShouldBe(1);
    }

    private static async Task<JsonNode> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ObservabilityStack.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tests run inside the repository");
    }
}
