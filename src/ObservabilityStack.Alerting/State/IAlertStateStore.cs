using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.State;

/// <summary>
/// Where alert states, history and CLI silences live. Writes are conditional on the version read, and
/// that condition is the lease: when two engine instances apply the same change, exactly one write
/// succeeds and only its writer sends the notification.
/// </summary>
public interface IAlertStateStore
{
    /// <summary>Creates indices and templates if missing. Safe to call repeatedly.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>All states of a rule, or of every rule when <paramref name="rule"/> is null.</summary>
    Task<IReadOnlyList<VersionedState>> ListAsync(string? rule, CancellationToken cancellationToken = default);

    /// <summary>One state by id, read in real time; null when missing.</summary>
    Task<VersionedState?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Writes if the stored version still equals <paramref name="expected"/> (null: must not exist). False on conflict.</summary>
    Task<bool> TryWriteAsync(AlertState state, StateVersion? expected, CancellationToken cancellationToken = default);

    /// <summary>Appends a history entry.</summary>
    Task AppendHistoryAsync(AlertHistoryEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Stores a silence created from the CLI.</summary>
    Task AddSilenceAsync(Silence silence, CancellationToken cancellationToken = default);

    /// <summary>Silences created from the CLI that have not ended at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Silence>> ListSilencesAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
