using System.Security.Cryptography;
using System.Text;
using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.State;

/// <summary>The persisted state of one alert: one rule and one group. Stored as a document in the state index.</summary>
public sealed record AlertState
{
    /// <summary>Document id: the rule name and a hash of the group key (stable, URL-safe).</summary>
    public required string Id { get; init; }

    /// <summary>Rule name.</summary>
    public required string Rule { get; init; }

    /// <summary>Group key, e.g. <c>shop-api</c>.</summary>
    public required string Group { get; init; }

    /// <summary>The group's service, if any.</summary>
    public string? Service { get; init; }

    /// <summary>Current status.</summary>
    public AlertStatus Status { get; init; }

    /// <summary>Severity at the time of the last change.</summary>
    public Severity Severity { get; init; }

    /// <summary>When the condition started holding (start of pending).</summary>
    public DateTimeOffset? ActiveSince { get; init; }

    /// <summary>When the alert started firing.</summary>
    public DateTimeOffset? FiringSince { get; init; }

    /// <summary>When the alert resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Last firing or repeat notification sent for this firing.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>True once a firing notification went out (silenced alerts may fire without one).</summary>
    public bool FiringNotified { get; init; }

    /// <summary>When someone acknowledged the alert (stops repeats and escalation).</summary>
    public DateTimeOffset? AckedAt { get; init; }

    /// <summary>Who acknowledged.</summary>
    public string? AckedBy { get; init; }

    /// <summary>When the alert escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>The value at the last change.</summary>
    public double LastValue { get; init; }

    /// <summary>The threshold the value was compared with.</summary>
    public double Threshold { get; init; }

    /// <summary>
    /// A notification decided together with the last change and not yet confirmed queued in an outbox.
    /// Written with the change itself, so an engine that dies before queueing leaves a trace another run
    /// can act on (see <c>NotificationHandoff</c>).
    /// </summary>
    public NotificationKind? PendingNotification { get; init; }

    /// <summary>When the pending notification was decided or last claimed.</summary>
    public DateTimeOffset? PendingSince { get; init; }

    /// <summary>When this document was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Which engine instance wrote it last.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>The stable id of a rule's group.</summary>
    public static string IdFor(string rule, string group)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(group));
        return $"{rule}.{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }

    /// <summary>A fresh state for a group that has none yet.</summary>
    public static AlertState New(AlertRule rule, string group, string? service) => new()
    {
        Id = IdFor(rule.Name, group),
        Rule = rule.Name,
        Group = group,
        Service = service,
        Status = AlertStatus.Ok,
        Severity = rule.Severity,
        Threshold = rule.Threshold,
    };
}
