using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Alerting.Tests.Support;

namespace ObservabilityStack.Alerting.Tests.Notifications;

public sealed class DigestRendererTests
{
    private static readonly Uri Kibana = new("http://kibana.local:5601");

    [Fact]
    public void TheSubjectSaysStateSeverityWhereWhatValueWindowAndThreshold()
    {
        var digest = DigestRenderer.Render(SomeNotification.Firing5xx(), Kibana);

        digest.Subject.ShouldBe("[FIRING critical] shop-api: 5xx 12.4% over 5m (threshold 5%)");
    }

    [Fact]
    public void AResolvedNoticeSaysResolved()
    {
        var n = SomeNotification.Firing5xx(NotificationKind.Resolved, value: 0.4);

        DigestRenderer.Render(n, Kibana).Subject.ShouldBe("[RESOLVED] shop-api: 5xx 0.4% over 5m (threshold 5%)");
    }

    [Fact]
    public void TheBodyHasSinceValueTopGroupsSamplesAndADiscoverLink()
    {
        var digest = DigestRenderer.Render(SomeNotification.Firing5xx(), Kibana);

        digest.Text.ShouldContain("Since: 2026-11-21 11:57:00 UTC (3 min ago)");
        digest.Text.ShouldContain("Matched: 124 of 1000 events");
        digest.Text.ShouldContain("Top groups:");
        digest.Text.ShouldContain("shop-api | 12.4% | 124 | 1000");
        digest.Text.ShouldContain("/orders | 100");
        digest.Text.ShouldContain("upstream <mes> timed out");
        digest.Text.ShouldContain("http://kibana.local:5601/app/discover#/?_g=");
        digest.Html.ShouldContain("<table");
        digest.Html.ShouldContain("upstream &lt;mes&gt; timed out");
        digest.Html.ShouldContain("Open in Kibana Discover</a>");
    }

    [Fact]
    public void TheDiscoverLinkCarriesTheQueryAndTimeRangeInRison()
    {
        var link = KibanaLinks.Discover(Kibana, "service.name:(\"shop-api\")", SomeNotification.Now.AddMinutes(-5), SomeNotification.Now)!;

        var decoded = Uri.UnescapeDataString(link);
        decoded.ShouldContain("_g=(time:(from:'2026-11-21T11:55:00.000Z',to:'2026-11-21T12:00:00.000Z'))");
        decoded.ShouldContain("_a=(query:(language:kuery,query:'service.name:(\"shop-api\")'))");
        KibanaLinks.Rison("it's!").ShouldBe("'it!'s!!'");
    }

    [Fact]
    public void SeveralDigestsForOneRecipientBecomeOneEmailWithASummarySubject()
    {
        var a = DigestRenderer.Render(SomeNotification.Firing5xx(service: "shop-api"), null);
        var b = DigestRenderer.Render(SomeNotification.Firing5xx(service: "crm-api", value: 8), null);

        var email = EmailComposer.Compose([a, b], "alerts@x", "ana@x", ["1", "2"]);

        email.Subject.ShouldBe("[FIRING critical] 2 alerts: shop-api 5xx 12.4%; crm-api 5xx 8%");
        email.Text.ShouldContain(a.Subject);
        email.Text.ShouldContain(b.Subject);
        email.Html.ShouldStartWith("<!DOCTYPE html>");
        email.To.ShouldBe(["ana@x"]);
    }
}
