using System.Net;
using System.Text;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests;

public class ConfigFileTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, relative)))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public async Task TheSampleConfigStartsAGatewayAndEditsTakeEffectWithoutARestart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "obs-gwcfg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "gateway.json");
        File.Copy(RepoFile("config/gateway.json"), config);
        await using var gateway = await TestGateway.StartAsync(o =>
        {
            o.ConfigFile = config;
            o.ConfigOverrides["Gateway:Urls"] = "http://127.0.0.1:0";
            o.ConfigOverrides["Gateway:DataDirectory"] = directory;
        }, directory: directory);
        using var small = new StringContent("{\"message\":\"" + new string('x', 2000) + "\"}", Encoding.UTF8, "application/json");
        (await gateway.Http.PostAsync("/v1/logs", small)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var text = (await File.ReadAllTextAsync(config)).Replace("\"MaxBodyBytes\": 10485760", "\"MaxBodyBytes\": 1000", StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, text);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            using var again = new StringContent("{\"message\":\"" + new string('x', 2000) + "\"}", Encoding.UTF8, "application/json");
            status = (await gateway.Http.PostAsync("/v1/logs", again)).StatusCode;
        }
        while (status != HttpStatusCode.RequestEntityTooLarge && DateTime.UtcNow < deadline);

        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}
