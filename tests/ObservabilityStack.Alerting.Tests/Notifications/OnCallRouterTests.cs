using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.OnCall;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Alerting.Tests.Rules;
using ObservabilityStack.Alerting.Tests.Support;

namespace ObservabilityStack.Alerting.Tests.Notifications;

public sealed class OnCallRouterTests
{
    private static readonly OnCallConfig Config = OnCallLoader.Parse("""
        from: alerts@x
        escalate_after: 15m
        teams:
          - name: platform
            members:
              - { name: Ana, email: ana@x }
              - { name: Ivan, email: ivan@x }
            rotation: { start: 2026-11-02T09:00:00Z, every: 7d }
            escalation: [lead@x]
        """, "oncall.yaml");

    [Fact]
    public void AWarningGoesToTheTeamMemberOnCallThisWeek()
    {
        var router = new OnCallRouter(() => Config);
        var n = SomeNotification.Firing5xx() with { Rule = SomeRule.Http5xx() with { Severity = Severity.Warning } };

        // 2026-11-21 is in the third week since 2026-11-02: Ana, Ivan, Ana.
        router.Recipients(n).ShouldBe(["ana@x"]);
        router.Recipients(n with { At = n.At.AddDays(7) }).ShouldBe(["ivan@x"]);
    }

    [Fact]
    public void ACriticalAlertGoesToTheWholeTeamAndAnEscalationAlsoToTheEscalationContacts()
    {
        var router = new OnCallRouter(() => Config);
        var n = SomeNotification.Firing5xx();

        router.Recipients(n).ShouldBe(["ana@x", "ivan@x"]);
        router.Recipients(n with { Kind = NotificationKind.Escalation }).ShouldBe(["ana@x", "ivan@x", "lead@x"]);
    }

    [Fact]
    public void AddressesPassThroughAndUnknownTeamsAreCounted()
    {
        var router = new OnCallRouter(() => Config);
        var n = SomeNotification.Firing5xx() with { Rule = SomeRule.Http5xx() with { Receivers = ["ops@x", "nobody"] } };

        router.Recipients(n).ShouldBe(["ops@x"]);
        router.Unroutable.ShouldBe(1);
    }

    [Fact]
    public void TheShippedOnCallFileLoads()
    {
        var config = OnCallLoader.Load(RuleLoaderTests.RepoFile("config/oncall.yaml"));

        config.Teams.Select(t => t.Name).ShouldBe(["platform", "web", "orders"]);
        config.EscalateAfter.ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void AMemberWithoutAnEmailIsAnErrorWithItsLine()
    {
        var e = Should.Throw<RuleLoadException>(() => OnCallLoader.Parse("teams:\n  - name: t\n    members:\n      - { name: Bob }\n", "oncall.yaml"));

        e.Errors.ShouldContain(x => x.Field == "teams[0].members[0].email" && x.Line == 4);
    }
}
