using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.State;

/// <summary>
/// Decides whether an alert's notifications are muted: a YAML or CLI silence, an open maintenance
/// window, or inhibition by a firing absence alert of the same service. CLI silences are re-read from
/// the store at most every <see cref="RefreshInterval"/> so 500 rules do not mean 500 extra searches.
/// </summary>
public sealed class AlertMutes : IDisposable
{
    private readonly IAlertStateStore _store;
    private readonly Func<RuleSet> _rules;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<Silence> _stored = [];
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    /// <summary>Creates the policy.</summary>
    public AlertMutes(IAlertStateStore store, Func<RuleSet> rules, InhibitionIndex inhibition)
    {
        _store = store;
        _rules = rules;
        Inhibition = inhibition;
    }

    /// <summary>How long CLI silences are cached. Default 10 seconds.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Services muted by firing absence alerts.</summary>
    public InhibitionIndex Inhibition { get; }

    /// <summary>Re-reads CLI silences if the cache is older than <see cref="RefreshInterval"/>.</summary>
    public async Task RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (now - _refreshedAt < RefreshInterval)
        {
            return;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (now - _refreshedAt >= RefreshInterval)
            {
                _stored = await _store.ListSilencesAsync(now, cancellationToken).ConfigureAwait(false);
                _refreshedAt = now;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the cached CLI silences so the next refresh reads them.</summary>
    public void Invalidate() => _refreshedAt = DateTimeOffset.MinValue;

    /// <summary>Why the alert is muted (for listings and history), or null when it is not.</summary>
    public string? Reason(string rule, string group, string? service, DateTimeOffset now)
    {
        var set = _rules();
        foreach (var s in set.Silences.Concat(_stored))
        {
            if (s.Matches(rule, group, service, now))
            {
                return $"silenced until {s.EndsAt:u}{(s.Comment is null ? "" : $" ({s.Comment})")}";
            }
        }

        foreach (var w in set.MaintenanceWindows)
        {
            if (w.Matches(rule, service, now))
            {
                return $"maintenance window '{w.Name}'";
            }
        }

        var inhibitor = Inhibition.InhibitedBy(rule, service);
        return inhibitor is null ? null : $"inhibited: {service} is down ({inhibitor})";
    }

    /// <inheritdoc/>
    public void Dispose() => _refresh.Dispose();
}
