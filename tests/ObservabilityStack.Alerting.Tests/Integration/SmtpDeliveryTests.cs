using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Alerting.Tests.Integration;

/// <summary>Delivery to a real SMTP server (Debian's aiosmtpd).</summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obs-smtp-").FullName;
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task AnSmtpServerThatIsDownThenUpGetsTheAlertExactlyOnce()
    {
        var port = AiosmtpdServer.FreePort();
        var transport = new SmtpMailTransport(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = port, Timeout = TimeSpan.FromSeconds(5) });
        using var outbox = new DiskOutbox(Path.Combine(_dir, "queue"), _clock) { GroupWait = TimeSpan.Zero };
        await outbox.EnqueueAsync(new OutboxItem
        {
            To = "ana@example.com",
            Digest = DigestRenderer.Render(SomeNotification.Firing5xx(), new Uri("http://kibana:5601")),
            CreatedAt = _clock.GetUtcNow(),
        });

        var down = await outbox.DeliverDueAsync(transport, "alerts@example.com");
        down.Failed.ShouldBe(1);
        outbox.Depth.ShouldBe(1);

        await using var smtp = await AiosmtpdServer.StartAsync(port, Path.Combine(_dir, "maildir"));
        _clock.Advance(TimeSpan.FromSeconds(2));
        (await outbox.DeliverDueAsync(transport, "alerts@example.com")).Sent.ShouldBe(1);
        _clock.Advance(TimeSpan.FromMinutes(10));
        (await outbox.DeliverDueAsync(transport, "alerts@example.com")).Sent.ShouldBe(0);

        var message = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10))).ShouldHaveSingleItem();
        MimeText.Subject(message).ShouldBe("[FIRING critical] shop-api: 5xx 12.4% over 5m (threshold 5%)");
        message.ShouldContain("multipart/alternative");
        outbox.Depth.ShouldBe(0);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
