using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Tests.Support;
using ObservabilityStack.Emulator;
using Xunit.Abstractions;

namespace ObservabilityStack.Conformance.Tests.Clients;

/// <summary>Debian's official Python client authenticates with an API key against an emulator started with security.</summary>
public sealed class SecuredClientScenarioTests
{
    private const string PythonPath = "/usr/bin/python3";
    private const string Password = "client-test-password";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly ITestOutputHelper _output;

    public SecuredClientScenarioTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task ThePythonClientScenarioPassesWithAnApiKeyAndFailsWithABadOne()
    {
        var probe = File.Exists(PythonPath)
            ? await ChildProcess.RunAsync(PythonPath, ["-c", "import elasticsearch"], RepoPaths.Root, Limit)
            : (Exit: -1, Stdout: string.Empty, Stderr: $"{PythonPath} not found");
        Assert.True(probe.Exit == 0, $"python3-elasticsearch is missing ({probe.Stderr.Trim()}): run scripts/install-test-deps.sh");

        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Security = true, ElasticPassword = Password });
        var key = await CreateKeyAsync(emulator.Url);
        var clients = Path.Combine(RepoPaths.Root, "tests", "clients");
        var url = emulator.Url.ToString().TrimEnd('/');

        var (exit, stdout, stderr) = await ChildProcess.RunAsync(PythonPath, ["python_scenario.py", url], clients, Limit,
            new Dictionary<string, string> { ["OBS_ES_API_KEY"] = key });
        _output.WriteLine(stdout + stderr);
        exit.ShouldBe(0, stdout + stderr);

        var bad = Convert.ToBase64String(Encoding.UTF8.GetBytes("unknown-id:unknown-secret"));
        var refused = await ChildProcess.RunAsync(PythonPath, ["python_scenario.py", url], clients, Limit,
            new Dictionary<string, string> { ["OBS_ES_API_KEY"] = bad });
        refused.Exit.ShouldNotBe(0);
        (refused.Stdout + refused.Stderr).ShouldContain("401");
    }

    private static async Task<string> CreateKeyAsync(Uri url)
    {
        using var http = new HttpClient { BaseAddress = url };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_security/api_key")
        {
            Content = new StringContent("""{"name":"python-client"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"elastic:{Password}")));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonNode.Parse(body)!["encoded"]!.GetValue<string>();
    }
}
