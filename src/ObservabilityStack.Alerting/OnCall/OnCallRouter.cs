using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.OnCall;

/// <summary>
/// Turns a rule's receivers into addresses: an address stays itself; a team means its on-call member,
/// or the whole team for critical alerts; an escalation adds the team's escalation contacts.
/// </summary>
public sealed class OnCallRouter
{
    private readonly Func<OnCallConfig> _config;
    private int _unroutable;

    /// <summary>Creates the router over the current on-call configuration.</summary>
    public OnCallRouter(Func<OnCallConfig> config) => _config = config;

    /// <summary>Receivers that named no known team and no address (counted, shown on /health).</summary>
    public int Unroutable => Volatile.Read(ref _unroutable);

    /// <summary>The distinct addresses a notification goes to.</summary>
    public IReadOnlyList<string> Recipients(AlertNotification notification)
    {
        var config = _config();
        var wholeTeam = notification.Rule.Severity == Severity.Critical || notification.Kind == NotificationKind.Escalation;
        var addresses = new List<string>();
        foreach (var receiver in notification.Rule.Receivers)
        {
            if (receiver.Contains('@', StringComparison.Ordinal))
            {
                addresses.Add(receiver);
                continue;
            }

            var team = config.FindTeam(receiver);
            if (team is null)
            {
                Interlocked.Increment(ref _unroutable);
                continue;
            }

            if (wholeTeam)
            {
                addresses.AddRange(team.Members.Select(m => m.Email));
            }
            else if (team.OnCallAt(notification.At) is { } onCall)
            {
                addresses.Add(onCall.Email);
            }

            if (notification.Kind == NotificationKind.Escalation)
            {
                addresses.AddRange(team.Escalation);
            }
        }

        return addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
