using System.Globalization;
using System.Text;
using ObservabilityStack.Agent.Check;
using ObservabilityStack.Agent.Tests.Support;

namespace ObservabilityStack.Agent.Tests.Integration;

/// <summary>The agent shipping to a gateway that serves HTTPS with a certificate from a private CA (as in the compose stack).</summary>
public sealed class AgentOverHttpsTests : IAsyncLifetime
{
    private AgentStack _stack = null!;
    private string _log = null!;

    public async Task InitializeAsync()
    {
        _stack = await AgentStack.StartAsync(https: true);
        _log = _stack.Directory.File("app.log");
        var lines = new StringBuilder();
        for (var i = 0; i < 5; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"2026-11-22T10:00:0{i}Z INFO line {i}\n");
        }

        await File.WriteAllTextAsync(_log, lines.ToString());
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task WithGatewayCaCertTheLinesArriveOverHttps()
    {
        var options = _stack.Agent(_log) with { GatewayCaCertificate = _stack.CaFile };
        using var agent = new AgentRunner(options);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var run = agent.RunAsync(stop.Token);

        var docs = await _stack.WaitForDocumentsAsync(5);
        await stop.CancelAsync();
        await run;

        docs.Count.ShouldBe(5, $"last error: {agent.Metrics.LastError}");
        (await AgentCheck.RunAsync(options)).ShouldAllBe(r => r.Ok);
    }

    [Fact]
    public async Task WithoutTheCaTheCheckSaysTheCertificateWasRefusedAndWhatToSet()
    {
        var results = await AgentCheck.RunAsync(_stack.Agent(_log));

        var gateway = results.Single(r => r.Name.StartsWith("gateway", StringComparison.Ordinal));
        gateway.Ok.ShouldBeFalse();
        gateway.Detail.ShouldContain("TLS certificate was refused");
        gateway.Detail.ShouldContain("GATEWAY_CA_CERT");
    }
}
