using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Alerting.Tests.Notifications;

public sealed class DiskOutboxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obs-outbox-").FullName;
    private readonly ManualClock _clock = new();
    private readonly RecordingTransport _transport = new();

    [Fact]
    public async Task ItemsForOneRecipientWithinTheGroupWaitGoOutAsOneEmail()
    {
        using var outbox = new DiskOutbox(_dir, _clock) { GroupWait = TimeSpan.FromSeconds(2) };
        await outbox.EnqueueAsync(Item("ana@x", "shop-api"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await outbox.EnqueueAsync(Item("ana@x", "crm-api"));
        await outbox.EnqueueAsync(Item("ivan@x", "crm-api"));

        (await outbox.DeliverDueAsync(_transport, "alerts@x")).Sent.ShouldBe(0);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var report = await outbox.DeliverDueAsync(_transport, "alerts@x");

        report.Sent.ShouldBe(2);
        _transport.Sent.Single(m => m.To[0] == "ana@x").Subject.ShouldStartWith("[FIRING critical] 2 alerts:");
        outbox.Depth.ShouldBe(0);
    }

    [Fact]
    public async Task AnSmtpOutageDelaysMailWithBackoffAndDeliversItOnceAfterARestart()
    {
        using (var outbox = new DiskOutbox(_dir, _clock) { GroupWait = TimeSpan.Zero })
        {
            await outbox.EnqueueAsync(Item("ana@x", "shop-api"));
            _transport.Down = true;
            var failed = await outbox.DeliverDueAsync(_transport, "alerts@x");
            failed.Failed.ShouldBe(1);
            failed.LastError!.ShouldContain("connection refused");
            outbox.Peek().ShouldHaveSingleItem().Attempts.ShouldBe(1);
        }

        using var reopened = new DiskOutbox(_dir, _clock) { GroupWait = TimeSpan.Zero };
        _transport.Down = false;
        (await reopened.DeliverDueAsync(_transport, "alerts@x")).Sent.ShouldBe(0);
        _clock.Advance(TimeSpan.FromSeconds(2));
        (await reopened.DeliverDueAsync(_transport, "alerts@x")).Sent.ShouldBe(1);
        (await reopened.DeliverDueAsync(_transport, "alerts@x")).Sent.ShouldBe(0);
        _transport.Sent.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ThePickupFolderModeWritesAnEmlWithTextAndHtmlAlternatives()
    {
        var pickup = Path.Combine(_dir, "eml");
        using var outbox = new DiskOutbox(_dir, _clock) { GroupWait = TimeSpan.Zero };
        await outbox.EnqueueAsync(Item("ana@example.com", "shop-api"));

        await outbox.DeliverDueAsync(new SmtpMailTransport(new MailOptions { PickupDirectory = pickup }), "alerts@example.com");

        var eml = File.ReadAllText(Directory.GetFiles(pickup, "*.eml").ShouldHaveSingleItem());
        eml.ShouldContain("multipart/alternative");
        eml.ShouldContain("text/plain");
        eml.ShouldContain("text/html");
        eml.ShouldContain("To: ana@example.com");
    }

    private static OutboxItem Item(string to, string service) => new()
    {
        To = to,
        Digest = DigestRenderer.Render(SomeNotification.Firing5xx(service: service), null),
        CreatedAt = SomeNotification.Now,
    };

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
