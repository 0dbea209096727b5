using ObservabilityStack.Alerting.Notifications;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>A transport that records emails and can be told to fail.</summary>
internal sealed class RecordingTransport : IMailTransport
{
    public List<EmailMessage> Sent { get; } = [];

    public bool Down { get; set; }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        if (Down)
        {
            throw new System.Net.Mail.SmtpException("connection refused (test)");
        }

        Sent.Add(message);
        return Task.CompletedTask;
    }
}
