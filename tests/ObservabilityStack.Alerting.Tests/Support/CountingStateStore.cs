using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>The real store, with the state searches it was asked for counted (which rule each listed).</summary>
internal sealed class CountingStateStore(IAlertStateStore inner) : IAlertStateStore
{
    public List<string?> Listed { get; } = [];

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => inner.EnsureCreatedAsync(cancellationToken);

    public Task<IReadOnlyList<VersionedState>> ListAsync(string? rule, CancellationToken cancellationToken = default)
    {
        lock (Listed)
        {
            Listed.Add(rule);
        }

        return inner.ListAsync(rule, cancellationToken);
    }

    public Task<VersionedState?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<bool> TryWriteAsync(AlertState state, StateVersion? expected, CancellationToken cancellationToken = default) =>
        inner.TryWriteAsync(state, expected, cancellationToken);

    public Task AppendHistoryAsync(AlertHistoryEntry entry, CancellationToken cancellationToken = default) =>
        inner.AppendHistoryAsync(entry, cancellationToken);

    public Task AddSilenceAsync(Silence silence, CancellationToken cancellationToken = default) => inner.AddSilenceAsync(silence, cancellationToken);

    public Task<IReadOnlyList<Silence>> ListSilencesAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.ListSilencesAsync(now, cancellationToken);
}
