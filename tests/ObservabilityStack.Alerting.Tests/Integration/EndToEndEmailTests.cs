using ObservabilityStack.Alerting.OnCall;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.Tests.Support;
using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Alerting.Tests.Integration;

/// <summary>A sample service's 5xx burst in the emulator reaches a real SMTP server as a correct email.</summary>
public sealed class EndToEndEmailTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obs-e2e-").FullName;

    [Fact]
    public async Task AFiveHundredBurstBecomesAFiringEmailWithTableSamplesAndDiscoverLink()
    {
        await using var es = await EmulatorFixture.StartAsync();
        await using var smtp = await AiosmtpdServer.StartAsync(maildir: Path.Combine(_dir, "maildir"));
        var now = TimeProvider.System.GetUtcNow();
        await es.SeedAsync(Enumerable.Range(1, 40).Select(i =>
            EmulatorFixture.Doc("shop-api", now.AddSeconds(-i), status: i % 4 == 0 ? 503 : 200, path: i % 4 == 0 ? "/orders" : "/catalog")));
        var options = new AlertingOptions
        {
            Rules = new RuleSet { Rules = [SomeRule.Http5xx(threshold: 5) with { Interval = TimeSpan.FromSeconds(1), Description = "Server errors" }] },
            OnCallConfig = new OnCallConfig
            {
                From = "alerts@example.com",
                Teams = [new Team { Name = "platform", Members = [new TeamMember("Ana", "ana@example.com")] }],
            },
            Elasticsearch = new ElasticsearchClientOptions { Url = es.Url },
            Mail = new Alerting.Notifications.MailOptions { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port },
            KibanaUrl = new Uri("http://kibana.example.com:5601"),
            DataDirectory = Path.Combine(_dir, "data"),
            Urls = "http://127.0.0.1:0",
            GroupWait = TimeSpan.FromMilliseconds(200),
            OutboxPollInterval = TimeSpan.FromMilliseconds(100),
            StoreNames = new() { StateIndex = "e2e-state" },
        };

        await using var host = await AlertingHost.StartAsync(options);
        var message = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30))).ShouldHaveSingleItem();

        MimeText.Subject(message).ShouldBe("[FIRING critical] shop-api: 5xx 25% over 5m (threshold 5%)");
        message.ShouldContain("To: ana@example.com");
        var body = MimeText.Decoded(message);
        body.ShouldContain("What: api-5xx — Server errors");
        body.ShouldContain("Matched: 10 of 40 events");
        body.ShouldContain("Top groups:");
        body.ShouldContain("/orders | 10");
        body.ShouldContain("shop-api 503 /orders");
        body.ShouldContain("http://kibana.example.com:5601/app/discover#/?_g=");
        body.ShouldContain("<table");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
