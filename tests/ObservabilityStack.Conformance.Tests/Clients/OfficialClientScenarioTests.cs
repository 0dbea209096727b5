using ObservabilityStack.Conformance.Tests.Support;
using ObservabilityStack.Emulator;
using Xunit.Abstractions;

namespace ObservabilityStack.Conformance.Tests.Clients;

/// <summary>
/// Elastic's official clients (Debian's python3-elasticsearch 7.17, npm's @elastic/elasticsearch 9.x) run the
/// scenario in tests/clients against an emulator on a free port: ILM policy, templates, data stream bulk, search
/// with bool/range query and terms + date_histogram aggregations.
/// </summary>
public sealed class OfficialClientScenarioTests
{
    private const string PythonPath = "/usr/bin/python3";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly ITestOutputHelper _output;

    public OfficialClientScenarioTests(ITestOutputHelper output) => _output = output;

    private static string ClientsDirectory => Path.Combine(RepoPaths.Root, "tests", "clients");

    [Fact]
    public async Task ThePythonClientScenarioPassesAgainstTheEmulator()
    {
        var probe = File.Exists(PythonPath)
            ? await ChildProcess.RunAsync(PythonPath, ["-c", "import elasticsearch"], ClientsDirectory, Limit)
            : (Exit: -1, Stdout: string.Empty, Stderr: $"{PythonPath} not found");
        Assert.True(probe.Exit == 0, $"python3-elasticsearch is missing ({probe.Stderr.Trim()}): run scripts/install-test-deps.sh");

        await RunScenarioAsync(PythonPath, "python_scenario.py");
    }

    [Fact]
    public async Task TheNodeClientScenarioPassesAgainstTheEmulator()
    {
        var installed = Directory.Exists(Path.Combine(ClientsDirectory, "node_modules", "@elastic", "elasticsearch"));
        Assert.True(installed, "@elastic/elasticsearch is missing from tests/clients/node_modules: run scripts/install-test-deps.sh");

        await RunScenarioAsync("node", "node_scenario.mjs");
    }

    private async Task RunScenarioAsync(string interpreter, string script)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });

        var (exit, stdout, stderr) = await ChildProcess.RunAsync(interpreter, [script, emulator.Url.ToString().TrimEnd('/')], ClientsDirectory, Limit);
        var output = stdout + stderr;

        _output.WriteLine(output);
        exit.ShouldBe(0, $"{script} against {emulator.Url} exited {exit}:\n{output}");
    }
}
