using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace ObservabilityStack.Alerting.Notifications;

/// <summary>
/// Sends with <see cref="SmtpClient"/> (MailKit is not available here): SMTP with optional STARTTLS and
/// credentials from environment variables, or the pickup-folder mode that writes <c>.eml</c> files.
/// A new client per message because <see cref="SmtpClient"/> is not thread-safe.
/// </summary>
public sealed class SmtpMailTransport : IMailTransport
{
    private readonly MailOptions _options;

    /// <summary>Creates the transport.</summary>
    public SmtpMailTransport(MailOptions options)
    {
        _options = options;
        if (options.SmtpHost is null)
        {
            Directory.CreateDirectory(options.PickupDirectory);
        }
    }

    /// <inheritdoc/>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        using var mail = ToMailMessage(message);
        using var client = new SmtpClient();
        client.Timeout = (int)_options.Timeout.TotalMilliseconds;
        if (_options.SmtpHost is null)
        {
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = Path.GetFullPath(_options.PickupDirectory);
        }
        else
        {
            client.Host = _options.SmtpHost;
            client.Port = _options.SmtpPort;
            client.EnableSsl = _options.StartTls;
            var user = Environment.GetEnvironmentVariable(_options.UsernameVariable);
            if (!string.IsNullOrEmpty(user))
            {
                client.Credentials = new NetworkCredential(user, Environment.GetEnvironmentVariable(_options.PasswordVariable));
            }
        }

        await client.SendMailAsync(mail, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The MIME message: plain text body with an HTML alternative, and a stable Message-ID.</summary>
    public static MailMessage ToMailMessage(EmailMessage message)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(message.From),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        foreach (var to in message.To)
        {
            mail.To.Add(new MailAddress(to));
        }

        mail.Headers.Add("Message-ID", $"<{message.Id}@obs-alerting>");
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Text, Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Html, Encoding.UTF8, MediaTypeNames.Text.Html));
        return mail;
    }
}
