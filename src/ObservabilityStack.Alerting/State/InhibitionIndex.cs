using System.Collections.Concurrent;

namespace ObservabilityStack.Alerting.State;

/// <summary>
/// Which services currently have a firing absence alert. While a service is down its other alerts
/// (5xx, rate, exceptions) are noise, so they are muted. Thread-safe.
/// </summary>
public sealed class InhibitionIndex
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _downByRule = new(StringComparer.Ordinal);

    /// <summary>Replaces what an absence rule says about which services are down.</summary>
    public void Update(string absenceRule, IEnumerable<AlertState> states)
    {
        var down = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        foreach (var s in states)
        {
            if (s.Status == AlertStatus.Firing && s.Service is not null)
            {
                down[s.Service] = 0;
            }
        }

        _downByRule[absenceRule] = down;
    }

    /// <summary>The absence rule that mutes this alert, or null. A rule never inhibits itself.</summary>
    public string? InhibitedBy(string rule, string? service)
    {
        if (service is null)
        {
            return null;
        }

        foreach (var (absenceRule, down) in _downByRule)
        {
            if (absenceRule != rule && down.ContainsKey(service))
            {
                return absenceRule;
            }
        }

        return null;
    }
}
