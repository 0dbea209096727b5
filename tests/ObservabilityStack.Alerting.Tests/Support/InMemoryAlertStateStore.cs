using System.Collections.Concurrent;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>The store contract in memory, with the same conditional-write semantics as the Elasticsearch one.</summary>
internal sealed class InMemoryAlertStateStore : IAlertStateStore
{
    private readonly ConcurrentDictionary<string, VersionedState> _states = new();
    private readonly Lock _gate = new();
    private long _seq;

    public ConcurrentQueue<AlertHistoryEntry> History { get; } = new();

    public List<Silence> Silences { get; } = [];

    public bool Down { get; set; }

    public IReadOnlyList<VersionedState> All => _states.Values.ToList();

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<VersionedState>> ListAsync(string? rule, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult<IReadOnlyList<VersionedState>>(_states.Values.Where(s => rule is null || s.State.Rule == rule).ToList());
    }

    public Task<VersionedState?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult(_states.TryGetValue(id, out var s) ? s : null);
    }

    public Task<bool> TryWriteAsync(AlertState state, StateVersion? expected, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
        {
            _states.TryGetValue(state.Id, out var stored);
            if (stored?.Version != expected)
            {
                return Task.FromResult(false);
            }

            _states[state.Id] = new VersionedState(state, new StateVersion(++_seq, 1));
            return Task.FromResult(true);
        }
    }

    public Task AppendHistoryAsync(AlertHistoryEntry entry, CancellationToken cancellationToken = default)
    {
        History.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task AddSilenceAsync(Silence silence, CancellationToken cancellationToken = default)
    {
        Silences.Add(silence);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Silence>> ListSilencesAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Silence>>(Silences.Where(s => s.EndsAt > now).ToList());

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new Alerting.Evaluation.ElasticsearchUnavailableException("store down (test)");
        }
    }
}
