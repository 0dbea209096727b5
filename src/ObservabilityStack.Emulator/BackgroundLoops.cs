using ObservabilityStack.Emulator.Durability;
using ObservabilityStack.Emulator.Ilm;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator;

/// <summary>
/// The emulator's timers: the 1 s refresh (real time, like Elasticsearch's refresh interval), the ILM
/// poll (on <see cref="EmulatorOptions.Clock"/>, so tests that move time see rollovers and deletions) and, when
/// <see cref="EmulatorOptions.WarmColumns"/> is on, the 2 s column warmer.
/// </summary>
internal sealed class BackgroundLoops : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _refresh;
    private readonly Task _ilm;
    private readonly Task _warm;
    private readonly Persistence? _persistence;

    private BackgroundLoops(Cluster cluster, IlmRunner ilm, EmulatorOptions options, Persistence? persistence)
    {
        _persistence = persistence;
        using (ExecutionContext.SuppressFlow())
        {
            _refresh = Task.Run(() => LoopAsync(TimeSpan.FromSeconds(1), TimeProvider.System, cluster.RefreshDue));
            _ilm = Task.Run(() => LoopAsync(options.IlmPollInterval, options.Clock, ilm.RunOnce));
            var warmer = new ColumnWarmer(ColumnWarmer.IndicesOf(cluster));
            _warm = options.WarmColumns ? Task.Run(() => LoopAsync(TimeSpan.FromSeconds(2), TimeProvider.System, warmer.Tick)) : Task.CompletedTask;
        }
    }

    public static BackgroundLoops Start(Cluster cluster, IlmRunner ilm, EmulatorOptions options, Persistence? persistence) =>
        new(cluster, ilm, options, persistence);

    private async Task LoopAsync(TimeSpan interval, TimeProvider clock, Action tick)
    {
        // PeriodicTimer accepts at most about 49 days; longer polls are clamped.
        var period = TimeSpan.FromMilliseconds(Math.Clamp(interval.TotalMilliseconds, 1, TimeSpan.FromDays(40).TotalMilliseconds));
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    tick();
                }
                catch (EmulatorException)
                {
                    // A failed pass (e.g. an index deleted mid-way) is retried on the next tick.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_refresh, _ilm, _warm).ConfigureAwait(false);
        _persistence?.Dispose();
        _stop.Dispose();
    }
}
