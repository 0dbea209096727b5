using System.Globalization;
using System.Text;
using ObservabilityStack.Agent.Check;
using ObservabilityStack.Agent.Configuration;
using ObservabilityStack.Agent.Tests.Support;

namespace ObservabilityStack.Agent.Tests.Integration;

/// <summary>The agent against a real gateway writing into a real emulator.</summary>
public sealed class AgentToGatewayTests : IAsyncLifetime
{
    private AgentStack _stack = null!;
    private string _log = null!;

    public async Task InitializeAsync()
    {
        _stack = await AgentStack.StartAsync();
        _log = _stack.Directory.File("mail.log");
    }

    [Fact]
    public async Task MailLogLinesArriveInTheServicesStreamAsParsedEvents()
    {
        WriteMailLines(0, 20);

        await RunUntilAsync(_stack.Agent(_log), 20);

        var docs = await _stack.WaitForDocumentsAsync(20);
        docs.Count.ShouldBe(20);
        var sent = docs.Values.First(d => d.GetProperty("labels").GetProperty("queue_id").GetString() == "Q00000007");
        sent.GetProperty("event").GetProperty("action").GetString().ShouldBe("mail.sent");
        sent.GetProperty("labels").GetProperty("to").GetString().ShouldBe("user7@example.com");
        sent.GetProperty("host").GetProperty("name").GetString().ShouldBe("mx1");
        sent.GetProperty("service").GetProperty("name").GetString().ShouldBe("mail-server");
    }

    [Fact]
    public async Task ARestartResumesAtTheAcknowledgedPositionAndSendsNothingTwice()
    {
        WriteMailLines(0, 50);
        await RunUntilAsync(_stack.Agent(_log), 50);

        WriteMailLines(50, 30);
        using var restarted = new AgentRunner(_stack.Agent(_log));
        await RunUntilAsync(restarted, 80, untilSent: 30);

        restarted.Metrics.EventsSent.ShouldBe(30);
        (await _stack.WaitForDocumentsAsync(80)).Count.ShouldBe(80);
    }

    [Fact]
    public async Task LinesResentAfterACrashBeforeThePositionWasSavedAreNotDuplicated()
    {
        WriteMailLines(0, 40);
        var options = _stack.Agent(_log);
        await RunUntilAsync(options, 40);

        // The crash: the gateway acknowledged, the state file never got written.
        File.Delete(options.StateFile);
        using var again = new AgentRunner(options);
        await RunUntilAsync(again, 40, untilSent: 40);

        // The gateway delivers asynchronously: give it time to (not) write a second copy.
        await _stack.WaitForDocumentsAsync(40);
        await Task.Delay(500);
        (await _stack.DocumentsAsync()).Count.ShouldBe(40);
    }

    [Fact]
    public async Task AGatewayOutageDelaysTheLinesButLosesNone()
    {
        var url = _stack.Gateway.Url;
        WriteMailLines(0, 10);
        using var agent = new AgentRunner(_stack.Agent(_log));
        using var stop = new CancellationTokenSource();
        var run = agent.RunAsync(stop.Token);
        await WaitAsync(() => agent.Metrics.EventsSent == 10);

        await _stack.StopGatewayAsync();
        WriteMailLines(10, 25);
        await WaitAsync(() => agent.Metrics.SendRetries >= 3);
        await _stack.RestartGatewayAsync(url);

        var docs = await _stack.WaitForDocumentsAsync(35);
        await stop.CancelAsync();
        await run;
        docs.Count.ShouldBe(35);
        agent.Metrics.LastError.ShouldNotBeNull().ShouldContain("unreachable");
    }

    [Fact]
    public async Task ARotatedFileIsReadToItsEndAndTheNewFileIsFollowed()
    {
        WriteMailLines(0, 10);
        using var agent = new AgentRunner(_stack.Agent(_log));
        using var stop = new CancellationTokenSource();
        var run = agent.RunAsync(stop.Token);
        await WaitAsync(() => agent.Metrics.EventsSent == 10);

        WriteMailLines(10, 5);
        File.Move(_log, _log + ".1");
        WriteMailLines(15, 7);

        var docs = await _stack.WaitForDocumentsAsync(22);
        await WaitAsync(() => agent.Metrics.RotationsFinished == 1);
        await stop.CancelAsync();
        await run;
        docs.Count.ShouldBe(22);
    }

    [Fact]
    public async Task AFileRotatedWhileTheAgentWasStoppedIsFinishedFromItsNewName()
    {
        WriteMailLines(0, 10);
        await RunUntilAsync(_stack.Agent(_log), 10);

        WriteMailLines(10, 6);
        File.Move(_log, _log + ".1");
        WriteMailLines(16, 4);

        using var restarted = new AgentRunner(_stack.Agent(_log));
        await RunUntilAsync(restarted, 20, untilSent: 10);
        (await _stack.WaitForDocumentsAsync(20)).Count.ShouldBe(20);
    }

    [Fact]
    public async Task EventsTheGatewayRefusesAreKeptInTheDeadLetterFileWithTheReason()
    {
        File.WriteAllText(_log, """
            {"message":"fine one"}
            {"message":"carries a reserved field","_index":"somewhere-else"}
            {"message":"fine two"}

            """.ReplaceLineEndings("\n"));
        var options = _stack.Agent(_log);
        using var agent = new AgentRunner(options);
        await RunUntilAsync(agent, 2, untilSent: 3);

        await WaitAsync(() => agent.Metrics.EventsDeadLettered == 1);
        var dead = File.ReadAllLines(options.DeadLetterFile).ShouldHaveSingleItem();
        dead.ShouldContain("carries a reserved field");
        dead.ShouldContain("\"reason\"");
        (await _stack.WaitForDocumentsAsync(2)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task APeriodicCommandsOutputIsShippedWithItsName()
    {
        var options = _stack.Agent(_log) with { Files = [], Commands = [new PeriodicCommand("uptime", "echo load is fine; echo second line", TimeSpan.FromHours(1))] };

        using var agent = new AgentRunner(options);
        await RunUntilAsync(agent, 2);

        var docs = await _stack.WaitForDocumentsAsync(2);
        docs.Values.Select(d => d.GetProperty("message").GetString()).Order().ShouldBe(["load is fine", "second line"]);
        docs.Values.ShouldAllBe(d => d.GetProperty("labels").GetProperty("command").GetString() == "uptime");
    }

    [Fact]
    public async Task TheCheckPassesWithAGoodKeyAndNamesEachProblemOtherwise()
    {
        WriteMailLines(0, 1);
        var good = await AgentCheck.RunAsync(_stack.Agent(_log));
        good.ShouldAllBe(r => r.Ok);

        var badKey = await AgentCheck.RunAsync(_stack.Agent(_log) with { ApiKey = "obs_nope_nope" });
        badKey.Single(r => r.Name.StartsWith("gateway", StringComparison.Ordinal)).Detail.ShouldContain("key was not accepted");

        var nothing = await AgentCheck.RunAsync(_stack.Agent(_stack.Directory.File("missing.log")) with { GatewayUrl = new Uri("http://127.0.0.1:1/") });
        nothing.Single(r => r.Name.StartsWith("log file", StringComparison.Ordinal)).Detail.ShouldContain("no such file");
        nothing.Single(r => r.Name.StartsWith("gateway", StringComparison.Ordinal)).Detail.ShouldContain("check GATEWAY_URL");
    }

    private void WriteMailLines(int first, int count)
    {
        var text = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Nov 21 10:{i / 60 % 60:00}:{i % 60:00} mx1 postfix/smtp[42]: Q{i:00000000}: to=<user{i}@example.com>, relay=mx.example.com[10.0.0.2]:25, dsn=2.0.0, status=sent (250 ok)\n");
        }

        File.AppendAllText(_log, text.ToString());
    }

    private static async Task RunUntilAsync(AgentOptions options, int documents)
    {
        using var agent = new AgentRunner(options);
        await RunUntilAsync(agent, documents, untilSent: documents);
    }

    private static async Task RunUntilAsync(AgentRunner agent, int documents, int? untilSent = null)
    {
        using var stop = new CancellationTokenSource();
        var run = agent.RunAsync(stop.Token);
        await WaitAsync(() => agent.Metrics.EventsSent + agent.Metrics.EventsDeadLettered >= (untilSent ?? documents) || run.IsCompleted,
            () => $"sent {agent.Metrics.EventsSent}, read {agent.Metrics.LinesRead}, dead {agent.Metrics.EventsDeadLettered}, last error {agent.Metrics.LastError}");
        await stop.CancelAsync();
        await run;
    }

    private static async Task WaitAsync(Func<bool> condition, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"the condition did not hold within a minute ({state?.Invoke()})");
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();
}
