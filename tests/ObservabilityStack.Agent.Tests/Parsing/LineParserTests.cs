using ObservabilityStack.Agent.Configuration;
using ObservabilityStack.Agent.Parsing;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Agent.Tests.Parsing;

public sealed class LineParserTests
{
    private static readonly TimeProvider Clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void APostfixDeliveryBecomesAMailSentEventWithItsFields()
    {
        var e = LineParser.Parse(
            "Nov 21 10:00:01 mx1 postfix/smtp[4242]: 4F2A1C0B3D: to=<ana@example.com>, relay=mx.example.com[10.0.0.2]:25, delay=0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)",
            ParserKind.Auto, Clock);

        e.Action.ShouldBe("mail.sent");
        e.Level.ShouldBe("info");
        e.Timestamp.ShouldBe("2026-11-21T10:00:01Z");
        Label(e, "queue_id").ShouldBe("4F2A1C0B3D");
        Label(e, "to").ShouldBe("ana@example.com");
        Label(e, "status").ShouldBe("sent");
        Label(e, "dsn").ShouldBe("2.0.0");
        Label(e, "relay").ShouldBe("mx.example.com[10.0.0.2]:25");
        Label(e, "reason").ShouldBe("250 2.0.0 Ok: queued");
        Label(e, "syslog_host").ShouldBe("mx1");
    }

    [Theory]
    [InlineData("status=deferred (connect to mx.example.com: Connection timed out)", "mail.deferred", "warn")]
    [InlineData("status=bounced (host said: 550 5.1.1 User unknown)", "mail.bounced", "error")]
    public void DeferredAndBouncedMailAreWarningsAndErrors(string tail, string action, string level)
    {
        var e = LineParser.Parse($"Nov 21 10:00:02 mx1 postfix/smtp[4242]: 4F2A1C0B3D: to=<bo@example.com>, {tail}", ParserKind.Mail, Clock);

        e.Action.ShouldBe(action);
        e.Level.ShouldBe(level);
    }

    [Fact]
    public void ARejectedConnectionIsAMailRejectedWarning()
    {
        var e = LineParser.Parse(
            "Nov 21 10:00:03 mx1 postfix/smtpd[99]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 Relay access denied; from=<x@spam.example> to=<ana@example.com> proto=ESMTP",
            ParserKind.Mail, Clock);

        e.Action.ShouldBe("mail.rejected");
        e.Level.ShouldBe("warn");
        Label(e, "from").ShouldBe("x@spam.example");
    }

    [Fact]
    public void ADecemberSyslogLineReadInJanuaryBelongsToLastYear()
    {
        var january = new ManualClock(new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero));
        LineParser.Parse("Dec 31 23:59:59 web1 nginx[1]: GET /", ParserKind.Auto, january).Timestamp.ShouldBe("2026-12-31T23:59:59Z");
    }

    [Theory]
    [InlineData("2026-11-21T10:00:00.123Z ERROR Order o-1 failed", "2026-11-21T10:00:00.123Z", "error", "Order o-1 failed")]
    [InlineData("2026-11-21 10:00:00,500 [WARN] slow query", "2026-11-21T10:00:00.500Z", "warn", "slow query")]
    [InlineData("2026-11-21 10:00:00 level=info started", "2026-11-21T10:00:00.000Z", "info", "started")]
    [InlineData("just a line", null, null, "just a line")]
    [InlineData("[2026-11-21 10:00:00] INFO started", "2026-11-21T10:00:00.000Z", "info", "started")]
    [InlineData("2026-11-21 12:00:00 +0200 wrn: disk at 91%", "2026-11-21T10:00:00.000Z", "warn", "disk at 91%")]
    [InlineData("GET /orders 500 ERROR upstream timed out", null, "error", "GET /orders 500 ERROR upstream timed out")]
    public void PlainLinesKeepTheirTimestampAndLevel(string line, string? timestamp, string? level, string message)
    {
        var e = LineParser.Parse(line, ParserKind.Plain, Clock);

        e.Timestamp.ShouldBe(timestamp);
        e.Level.ShouldBe(level);
        e.Message.ShouldBe(message);
    }

    [Fact]
    public void JsonLinesAreKeptAsObjectsAndBrokenOnesAreShippedAsTextWithALabel()
    {
        var json = LineParser.Parse("""{"message":"order created","order":{"id":"o-1"}}""", ParserKind.Auto, Clock);
        json.Json.ShouldNotBeNull();
        json.Message.ShouldBe("order created");

        var broken = LineParser.Parse("""{"message": oops""", ParserKind.Json, Clock);
        broken.Json.ShouldBeNull();
        broken.Message.ShouldBe("""{"message": oops""");
        Label(broken, "parse_error").ShouldBe("not a JSON object");
    }

    private static string? Label(AgentEvent e, string name) => e.Labels.FirstOrDefault(l => l.Key == name).Value;
}
