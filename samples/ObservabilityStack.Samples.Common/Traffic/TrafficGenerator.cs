namespace ObservabilityStack.Samples.Common.Traffic;

/// <summary>
/// Drives a realistic order flow through the shop at a steady rate, so the samples produce live data without anyone
/// clicking: customers create orders, read them, edit them and move them through their life (confirmed → delivered),
/// with occasional wrong requests (4xx) and, when asked, chaos (5xx burst, flood, exceptions) every so often.
/// Start it with <see cref="Start"/>; disposing the returned handle stops it and waits for requests in flight.
/// </summary>
public sealed class TrafficGenerator : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly TrafficOptions _options;
    private readonly Random _random;
    private readonly ShopRequests _requests;
    private readonly ChaosActions _chaos;
    private readonly KnownOrders _orders = new();
    private readonly SemaphoreSlim _inFlight;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TrafficGenerator(Uri shop, TrafficOptions options)
    {
        _options = options;
        _http = new HttpClient { BaseAddress = shop, Timeout = TimeSpan.FromSeconds(30) };
        _random = options.Seed is { } seed ? new Random(seed) : new Random();
        _requests = new ShopRequests(_http, Stats, _orders);
        _chaos = new ChaosActions(_http, Stats, options.OnChaos);
        _inFlight = new SemaphoreSlim(options.MaxConcurrency);
        using (ExecutionContext.SuppressFlow())
        {
            // Each request starts its own trace; nothing of the caller's context (Activity, scopes) may leak in.
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>What was sent and how the shop answered so far.</summary>
    public TrafficStats Stats { get; } = new();

    /// <summary>Starts driving the shop at <paramref name="shop"/> (its base URL) in the background.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static TrafficGenerator Start(Uri shop, TrafficOptions options)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new TrafficGenerator(shop, options);
    }

    /// <summary>Stops sending and waits for the requests in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _http.Dispose();
        _inFlight.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var clock = _options.TimeProvider;
        var interval = TimeSpan.FromSeconds(1 / _options.Rate);
        var started = clock.GetTimestamp();
        var sent = 0L;
        var nextChaos = _options.ChaosInterval;
        var running = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                // Keep the average rate without bursting after a stall: at most one second of catching up.
                var due = interval * sent - clock.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, clock, _stop.Token).ConfigureAwait(false);
                }
                else if (due < -TimeSpan.FromSeconds(1))
                {
                    sent = (long)(clock.GetElapsedTime(started) / interval);
                }

                await _inFlight.WaitAsync(_stop.Token).ConfigureAwait(false);
                sent++;
                var chaos = nextChaos is { } at && clock.GetElapsedTime(started) >= at;
                if (chaos)
                {
                    nextChaos += _options.ChaosInterval;
                }

                running.RemoveAll(t => t.IsCompleted);
                running.Add(OneAsync(chaos));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: the requests in flight finish (or are cancelled) below.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task OneAsync(bool chaos)
    {
        try
        {
            if (chaos)
            {
                await _chaos.NextAsync(_stop.Token).ConfigureAwait(false);
                return;
            }

            // Random is not thread-safe and requests run concurrently: each request gets its own, seeded from the shared one.
            var random = NextRandom();
            if (random.NextDouble() < _options.ClientErrorRate)
            {
                await _requests.MistakeAsync(random, _stop.Token).ConfigureAwait(false);
                return;
            }

            // Few open orders means more new ones; otherwise about 35% creates, the rest acting on open orders.
            var id = _orders.Count < 5 || random.NextDouble() < 0.35 ? null : _orders.Pick(random);
            await (id is null ? _requests.CreateAsync(random, _stop.Token)
                : random.NextDouble() switch
                {
                    < 0.4 => _requests.ReadAsync(id, _stop.Token),
                    < 0.6 => _requests.EditAsync(id, random, _stop.Token),
                    _ => _requests.AdvanceAsync(id, _stop.Token),
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: a request cut short is not a failure of the shop.
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private Random NextRandom()
    {
        lock (_random)
        {
            return new Random(_random.Next());
        }
    }
}
