using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;
using ObservabilityStack.Elasticsearch.Documents;

namespace ObservabilityStack.Cli.Tests.Commands.Alerts;

/// <summary><c>obs alerts list|test|silence|ack</c> against a real emulator holding seeded requests and alert state.</summary>
public sealed class AlertsCommandsTests : IAsyncLifetime
{
    private const string Rules = """
        rules:
          - name: shop-5xx
            type: http_status
            services: [shop-api]
            codes: [5xx]
            threshold: 5
            window: 5m
            schedule: 10s
            severity: critical
            receivers: [oncall@example.com]
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-alerts-cli-").FullName;
    private TestCluster _cluster = null!;
    private string _rulesFile = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _rulesFile = Path.Combine(_directory, "rules.yaml");
        await File.WriteAllTextAsync(_rulesFile, Rules);
    }

    [Fact]
    public async Task TestExplainsAFiringVerdictAndPrintsTheEmailItWouldSend()
    {
        await SeedRequestsAsync(total: 40, errors: 10);

        var cli = new CliHarness();
        var exit = await cli.RunAsync([.. "alerts test shop-5xx --rules".Split(' '), _rulesFile, .. _cluster.Args]);

        exit.ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        cli.Out.ToString().ShouldContain("shop-5xx");
        cli.Out.ToString().ShouldContain("shop-api");
        cli.Out.ToString().ShouldContain("25");
        cli.Out.ToString().ShouldContain("Email that would be sent for shop-api");
        cli.Out.ToString().ShouldContain("[FIRING critical] shop-api");
    }

    [Fact]
    public async Task TestSaysNothingWouldFireWhenTheWindowHasNoData()
    {
        var cli = new CliHarness();
        var exit = await cli.RunAsync([.. "alerts test shop-5xx --rules".Split(' '), _rulesFile, .. _cluster.Args]);

        exit.ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        cli.Out.ToString().ShouldContain("nothing would fire");
    }

    [Fact]
    public async Task TestNamesAnUnknownRuleAndAnUnreadableTime()
    {
        var unknown = new CliHarness();
        (await unknown.RunAsync([.. "alerts test no-such-rule --rules".Split(' '), _rulesFile, .. _cluster.Args])).ShouldBe(ExitCodes.Usage);
        unknown.Error.ToString().ShouldContain("no-such-rule");

        var badTime = new CliHarness();
        (await badTime.RunAsync([.. "alerts test shop-5xx --at yesterday --rules".Split(' '), _rulesFile, .. _cluster.Args])).ShouldBe(ExitCodes.Usage);
        badTime.Error.ToString().ShouldContain("--at 'yesterday' is not a date and time");
    }

    [Fact]
    public async Task ABrokenRulesFileIsReportedWithItsLineAndField()
    {
        var broken = Path.Combine(_directory, "broken.yaml");
        await File.WriteAllTextAsync(broken, Rules.Replace("window: 5m", "window: five minutes", StringComparison.Ordinal));

        var cli = new CliHarness();
        (await cli.RunAsync([.. "alerts test shop-5xx --rules".Split(' '), broken, .. _cluster.Args])).ShouldBe(ExitCodes.Usage);

        cli.Error.ToString().ShouldContain("broken.yaml:7:13:");
        cli.Error.ToString().ShouldContain("rules[0].window");
    }

    [Fact]
    public async Task ListShowsStoredAlertsAndAckMarksOneAcknowledged()
    {
        var cli = new CliHarness();
        (await cli.RunAsync([.. "alerts list --rules".Split(' '), _rulesFile, .. _cluster.Args])).ShouldBe(ExitCodes.Ok, cli.Error.ToString());
        cli.Out.ToString().ShouldContain("No alerts have fired yet.");

        var rule = RuleLoader.Load(_rulesFile).Rules.Single();
        var store = new ElasticsearchAlertStateStore(_cluster.Client, new AlertingStoreNames(), NullLogger.Instance);
        await store.EnsureCreatedAsync();
        var firing = AlertState.New(rule, "shop-api", "shop-api") with
        {
            Status = AlertStatus.Firing, FiringSince = DateTimeOffset.UtcNow.AddMinutes(-3), LastValue = 25, FiringNotified = true,
        };
        (await store.TryWriteAsync(firing, null)).ShouldBeTrue();

        var listed = new CliHarness();
        (await listed.RunAsync([.. "alerts list --rules".Split(' '), _rulesFile, .. _cluster.Args])).ShouldBe(ExitCodes.Ok, listed.Error.ToString());
        listed.Out.ToString().ShouldContain("shop-5xx");
        listed.Out.ToString().ShouldContain("firing");
        listed.Out.ToString().ShouldContain(firing.Id);

        var ack = new CliHarness();
        (await ack.RunAsync(["alerts", "ack", firing.Id, "--by", "dana", .. _cluster.Args])).ShouldBe(ExitCodes.Ok, ack.Error.ToString());
        ack.Out.ToString().ShouldContain("Acknowledged shop-5xx / shop-api");
        (await store.GetAsync(firing.Id)).ShouldNotBeNull().State.AckedBy.ShouldBe("dana");

        var after = new CliHarness();
        (await after.RunAsync([.. "alerts list --rules".Split(' '), _rulesFile, .. _cluster.Args])).ShouldBe(ExitCodes.Ok);
        after.Out.ToString().ShouldContain("dana");
    }

    [Fact]
    public async Task AckOfAnUnknownAlertSaysSo()
    {
        var cli = new CliHarness();
        var exit = await cli.RunAsync(["alerts", "ack", "nothing-like-this", .. _cluster.Args]);

        exit.ShouldNotBe(ExitCodes.Ok);
        cli.Error.ToString().ShouldContain("nothing-like-this");
    }

    [Fact]
    public async Task SilenceStoresASilenceThatListShowsAsMuting()
    {
        var rule = RuleLoader.Load(_rulesFile).Rules.Single();
        var store = new ElasticsearchAlertStateStore(_cluster.Client, new AlertingStoreNames(), NullLogger.Instance);
        await store.EnsureCreatedAsync();
        (await store.TryWriteAsync(AlertState.New(rule, "shop-api", "shop-api") with { Status = AlertStatus.Firing }, null)).ShouldBeTrue();

        var cli = new CliHarness();
        var exit = await cli.RunAsync([.. "alerts silence shop-5xx --for 2h --group shop-api --comment deploy --rules".Split(' '), _rulesFile, .. _cluster.Args]);
        exit.ShouldBe(ExitCodes.Ok, cli.Error.ToString());

        var silences = await store.ListSilencesAsync(DateTimeOffset.UtcNow);
        var silence = silences.ShouldHaveSingleItem();
        silence.Rule.ShouldBe("shop-5xx");
        (silence.EndsAt - DateTimeOffset.UtcNow).TotalHours.ShouldBeInRange(1.9, 2.0);

        var listed = new CliHarness();
        (await listed.RunAsync([.. "alerts list --rules".Split(' '), _rulesFile, .. _cluster.Args])).ShouldBe(ExitCodes.Ok);
        listed.Out.ToString().ShouldContain("deploy");
    }

    [Fact]
    public async Task SilenceRejectsADurationItCannotRead()
    {
        var cli = new CliHarness();
        var exit = await cli.RunAsync([.. "alerts silence shop-5xx --for soon --rules".Split(' '), _rulesFile, .. _cluster.Args]);

        exit.ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("soon");
    }

    [Fact]
    public async Task AnUnreachableClusterIsAClearErrorNotAStackTrace()
    {
        var cli = new CliHarness();
        var exit = await cli.RunAsync([.. "alerts list --rules".Split(' '), _rulesFile, "--elasticsearch", "http://127.0.0.1:1"]);

        exit.ShouldBe(ExitCodes.Unavailable);
        cli.Error.ToString().ShouldContain("Elasticsearch did not answer");
        cli.Error.ToString().ShouldNotContain("   at ");
    }

    private async Task SeedRequestsAsync(int total, int errors)
    {
        var stream = DataStreamName.For("shop-api", "production");
        var body = new StringBuilder();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < total; i++)
        {
            var status = i < errors ? 500 : 200;
            var at = now.AddSeconds(-5 - i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            body.Append("{\"create\":{}}\n");
            body.Append(CultureInfo.InvariantCulture,
                $$$"""{"@timestamp":"{{{at}}}","message":"GET /orders","service":{"name":"shop-api"},"http":{"response":{"status_code":{{{status}}}}},"url":{"path":"/orders"}}""");
            body.Append('\n');
        }

        var response = await _cluster.Client.SendAsync(HttpMethod.Post, $"/{stream}/_bulk?refresh=true",
            new StringContent(body.ToString(), Encoding.UTF8), "application/x-ndjson");
        response.IsSuccess.ShouldBeTrue();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
