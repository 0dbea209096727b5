using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.Tests.Rules;

public sealed class RuleLoaderTests
{
    [Fact]
    public void TheStarterRulesFileLoadsAndCoversEveryDemoService()
    {
        var set = RuleLoader.Load(RepoFile("config/alert-rules.yaml"));

        var services = set.Rules.SelectMany(r => r.Services).ToHashSet();
        foreach (var s in new[] { "shop-frontend", "shop-api", "crm-frontend", "crm-api", "mes-frontend", "mes-api" })
        {
            services.ShouldContain(s);
        }

        set.Rules.Select(r => r.Type).Distinct().Count().ShouldBe(5);
        set.MaintenanceWindows.ShouldHaveSingleItem().Days.ShouldBe([DayOfWeek.Sunday]);
    }

    [Fact]
    public void AValidRuleGetsEveryFieldAndDefaults()
    {
        var set = RuleLoader.Parse("""
            rules:
              - name: shop-5xx
                type: http_status
                services: shop-api
                codes: [5xx, 429]
                threshold: 5%
                resolve_threshold: 2
                window: 5m
                schedule: 10s
                for: 1m
                severity: critical
                receivers: [platform, ops@example.com]
                labels: { team: shop }
                group_by: [url.path]
            """, "rules.yaml");

        var rule = set.Rules.ShouldHaveSingleItem();
        rule.Type.ShouldBe(RuleType.HttpStatus);
        rule.Services.ShouldBe(["shop-api"]);
        rule.StatusCodes.ShouldBe([new StatusCodeRange(500, 599), new StatusCodeRange(429, 429)]);
        rule.Threshold.ShouldBe(5);
        rule.EffectiveResolveThreshold.ShouldBe(2);
        rule.Interval.ShouldBe(TimeSpan.FromSeconds(10));
        rule.Cron.ShouldBeNull();
        rule.For.ShouldBe(TimeSpan.FromMinutes(1));
        rule.Severity.ShouldBe(Severity.Critical);
        rule.Labels["team"].ShouldBe("shop");
        rule.GroupBy.ShouldBe(["url.path"]);
        rule.RepeatInterval.ShouldBe(TimeSpan.FromHours(4));
        rule.SourceLine.ShouldBe(2);
    }

    [Fact]
    public void ErrorsNameTheFileTheLineAndTheField()
    {
        var e = Should.Throw<RuleLoadException>(() => RuleLoader.Parse("""
            rules:
              - name: ok-rule
                type: absence
                services: [shop-api]
                receivers: [platform]
              - name: bad rule
                type: http_status
                window: five minutes
                threshold: 5
                treshold: 6
                receivers: [platform]
            """, "alerts.yaml"));

        e.Errors.ShouldContain(x => x.File == "alerts.yaml" && x.Line == 6 && x.Field == "rules[1].name");
        e.Errors.ShouldContain(x => x.Line == 8 && x.Field == "rules[1].window" && x.Message.Contains("five minutes"));
        e.Errors.ShouldContain(x => x.Line == 10 && x.Field == "rules[1].treshold" && x.Message.Contains("unknown field"));
        e.Message.ShouldContain("alerts.yaml:8:");
    }

    [Theory]
    [InlineData("type: nonsense\n    threshold: 1", "rules[0].type")]
    [InlineData("type: query\n    threshold: 1", "rules[0].query")]
    [InlineData("type: http_status", "rules[0].threshold")]
    [InlineData("type: http_status\n    threshold: 150", "rules[0].threshold")]
    [InlineData("type: absence", "rules[0].services")]
    [InlineData("type: http_status\n    threshold: 5\n    codes: [6xx]", "rules[0].codes")]
    [InlineData("type: http_status\n    threshold: 5\n    schedule: every now and then", "rules[0].schedule")]
    [InlineData("type: http_status\n    threshold: 5\n    resolve_threshold: 9", "rules[0].resolve_threshold")]
    [InlineData("type: query\n    query: a\n    threshold: 1\n    metric: sum", "rules[0].metric")]
    public void InvalidFieldsAreRejected(string body, string field)
    {
        var yaml = $"rules:\n  - name: r\n    receivers: [x]\n    {body}\n";

        var e = Should.Throw<RuleLoadException>(() => RuleLoader.Parse(yaml, "f.yaml"));

        e.Errors.ShouldContain(x => x.Field == field);
    }

    [Fact]
    public void ACronScheduleReplacesTheInterval()
    {
        var rule = RuleLoader.Parse("rules:\n  - {name: c, type: absence, services: [a], receivers: [x], schedule: '0 */5 * * * ?'}\n", "f")
            .Rules[0];

        rule.Cron.ShouldBe("0 */5 * * * ?");
        rule.Condition.ShouldBe(Comparison.Below);
        rule.Threshold.ShouldBe(1);
    }

    [Fact]
    public void DuplicateRuleNamesAreRejected()
    {
        var e = Should.Throw<RuleLoadException>(() => RuleLoader.Parse(
            "rules:\n  - {name: a, type: absence, services: [s], receivers: [x]}\n  - {name: a, type: absence, services: [s], receivers: [x]}\n", "f"));

        e.Errors.ShouldHaveSingleItem().Message.ShouldContain("used twice");
    }

    [Fact]
    public void BrokenYamlSyntaxIsReportedWithItsLine()
    {
        var e = Should.Throw<RuleLoadException>(() => RuleLoader.Parse("rules:\n  - name: a\n    type: [unclosed\n", "f.yaml"));

        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("(syntax)");
        e.Errors[0].Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void SilencesAndMaintenanceWindowsAreRead()
    {
        var set = RuleLoader.Parse("""
            rules: []
            silences:
              - { rule: shop-5xx, group: shop-api, starts: 2026-11-21T10:00:00Z, ends: 2026-11-21T12:00:00Z, comment: migration }
            maintenance:
              - { name: nightly, rules: [shop-5xx], days: [mon, tue], start: "23:30", duration: 1h }
            """, "f");

        var silence = set.Silences.ShouldHaveSingleItem();
        silence.Matches("shop-5xx", "shop-api", "shop-api", new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero)).ShouldBeTrue();
        silence.Matches("shop-5xx", "shop-api", "shop-api", new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
        var window = set.MaintenanceWindows.ShouldHaveSingleItem();
        // Monday 2026-11-23 23:45 and, across midnight, Tuesday 00:15 are inside; Monday 22:00 is not.
        window.Matches("shop-5xx", "shop-api", new DateTimeOffset(2026, 11, 23, 23, 45, 0, TimeSpan.Zero)).ShouldBeTrue();
        window.Matches("shop-5xx", "shop-api", new DateTimeOffset(2026, 11, 24, 0, 15, 0, TimeSpan.Zero)).ShouldBeTrue();
        window.Matches("shop-5xx", "shop-api", new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
        window.Matches("other", "shop-api", new DateTimeOffset(2026, 11, 23, 23, 45, 0, TimeSpan.Zero)).ShouldBeFalse();
    }

    internal static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ObservabilityStack.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }
}
