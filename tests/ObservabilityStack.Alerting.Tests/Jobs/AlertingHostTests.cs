using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.OnCall;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Alerting.Tests.Support;
using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Alerting.Tests.Jobs;

public sealed class AlertingHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obs-alerting-").FullName;

    [Fact]
    public async Task QuartzRunsTheRuleOnItsScheduleAndTheFiringEmailLandsInThePickupFolder()
    {
        var evaluator = new FakeEvaluator();
        evaluator.Values["shop-api"] = 40;
        var options = Options([SomeRule.Http5xx() with { Interval = TimeSpan.FromSeconds(1) }]);

        await using var host = await AlertingHost.StartAsync(options, services =>
        {
            services.AddSingleton<IRuleEvaluator>(evaluator);
            services.AddSingleton<IAlertStateStore>(new InMemoryAlertStateStore());
        });

        var eml = await WaitForFileAsync(options.Mail.PickupDirectory, TimeSpan.FromSeconds(20));
        File.ReadAllText(eml).ShouldContain("[FIRING critical] shop-api: 5xx 40% over 5m (threshold 5%)");
        using var http = new HttpClient();
        var health = await http.GetAsync(new Uri(host.Url!, "/health"));
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("healthy");
        body.RootElement.GetProperty("runs").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task WhenElasticsearchIsDownTheEngineMailsASelfAlertAndHealthSaysDegraded()
    {
        // A port with nothing listening: every query and state read fails like a dead cluster.
        var options = Options([SomeRule.Http5xx() with { Interval = TimeSpan.FromSeconds(1) }]);
        options.Elasticsearch = new ElasticsearchClientOptions { Url = new Uri($"http://127.0.0.1:{AiosmtpdServer.FreePort()}"), RequestTimeout = TimeSpan.FromSeconds(2) };

        await using var host = await AlertingHost.StartAsync(options);

        var eml = await WaitForFileAsync(options.Mail.PickupDirectory, TimeSpan.FromSeconds(40));
        var text = File.ReadAllText(eml);
        text.ShouldContain("ALERTING DEGRADED");
        text.ShouldContain("To: ana@x");
        using var http = new HttpClient();
        var health = await http.GetAsync(new Uri(host.Url!, "/health"));
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).ShouldContain("elasticsearch");
        host.Health.FailedRuns.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task AnInvalidRulesFileFailsTheStartWithFileLineAndField()
    {
        var path = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(path, "rules:\n  - name: x\n    type: http_status\n    receivers: [a@x]\n");

        var e = await Should.ThrowAsync<RuleLoadException>(() =>
            AlertingHost.StartAsync(new AlertingOptions { RulesFile = path, Urls = "http://127.0.0.1:0", DataDirectory = _dir }));

        e.Message.ShouldContain("rules.yaml:2:");
        e.Message.ShouldContain("rules[0].threshold");
    }

    private AlertingOptions Options(IReadOnlyList<AlertRule> rules) => new()
    {
        Rules = new RuleSet { Rules = rules },
        OnCallConfig = new OnCallConfig { Teams = [new Team { Name = "platform", Members = [new TeamMember("Ana", "ana@x")] }] },
        Urls = "http://127.0.0.1:0",
        DataDirectory = Path.Combine(_dir, "data"),
        Mail = new Alerting.Notifications.MailOptions { PickupDirectory = Path.Combine(_dir, "outbox") },
        GroupWait = TimeSpan.Zero,
        OutboxPollInterval = TimeSpan.FromMilliseconds(100),
    };

    private static async Task<string> WaitForFileAsync(string dir, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var file = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.eml").FirstOrDefault() : null;
            if (file is not null)
            {
                await Task.Delay(100);
                return file;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No .eml in {dir} after {timeout}");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
