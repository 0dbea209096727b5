namespace ObservabilityStack.Alerting.Notifications;

/// <summary>How alert emails leave: an SMTP server, or <c>.eml</c> files in a pickup folder.</summary>
public sealed record MailOptions
{
    /// <summary>SMTP host; null writes <c>.eml</c> files to <see cref="PickupDirectory"/> instead.</summary>
    public string? SmtpHost { get; init; }

    /// <summary>SMTP port. Default 25.</summary>
    public int SmtpPort { get; init; } = 25;

    /// <summary>Use STARTTLS. Default false.</summary>
    public bool StartTls { get; init; }

    /// <summary>Environment variable holding the SMTP user name. Default <c>OBS_SMTP_USERNAME</c>.</summary>
    public string UsernameVariable { get; init; } = "OBS_SMTP_USERNAME";

    /// <summary>Environment variable holding the SMTP password (never logged). Default <c>OBS_SMTP_PASSWORD</c>.</summary>
    public string PasswordVariable { get; init; } = "OBS_SMTP_PASSWORD";

    /// <summary>Folder for <c>.eml</c> files when no SMTP host is set. Default <c>./data/outbox</c>.</summary>
    public string PickupDirectory { get; init; } = Path.Combine("data", "outbox");

    /// <summary>Per-message SMTP timeout. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
