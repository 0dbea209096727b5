using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Notifications;

/// <summary>
/// One notification rendered for email and persisted in the outbox: its one-line subject and its
/// text and HTML sections. Several digests for one recipient become one email.
/// </summary>
public sealed record AlertDigest
{
    /// <summary>Why it is sent.</summary>
    public required NotificationKind Kind { get; init; }

    /// <summary>Severity of the rule.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Rule name.</summary>
    public required string Rule { get; init; }

    /// <summary>Group key.</summary>
    public required string Group { get; init; }

    /// <summary>Subject when sent alone, e.g. <c>[FIRING critical] shop-api: 5xx 12.4% over 5m (threshold 5%)</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>Short line for a combined subject, e.g. <c>shop-api 5xx 12.4%</c>.</summary>
    public required string Headline { get; init; }

    /// <summary>Plain-text section.</summary>
    public required string Text { get; init; }

    /// <summary>HTML section (a fragment; the composer wraps it).</summary>
    public required string Html { get; init; }
}
