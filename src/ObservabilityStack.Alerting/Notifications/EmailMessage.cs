namespace ObservabilityStack.Alerting.Notifications;

/// <summary>An email ready to send: HTML with a plain-text alternative.</summary>
public sealed record EmailMessage
{
    /// <summary>Stable id, also the <c>Message-ID</c>, so a re-sent copy can be recognised.</summary>
    public required string Id { get; init; }

    /// <summary>Sender.</summary>
    public required string From { get; init; }

    /// <summary>Recipients.</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>Subject line.</summary>
    public required string Subject { get; init; }

    /// <summary>Plain-text body.</summary>
    public required string Text { get; init; }

    /// <summary>HTML body.</summary>
    public required string Html { get; init; }
}
