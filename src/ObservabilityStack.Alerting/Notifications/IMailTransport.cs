namespace ObservabilityStack.Alerting.Notifications;

/// <summary>Hands an email to a mail server (or a pickup folder). Throws when it is not accepted.</summary>
public interface IMailTransport
{
    /// <summary>Sends one email; returns once the server accepted it.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
