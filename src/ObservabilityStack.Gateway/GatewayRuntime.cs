using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Intake;
using ObservabilityStack.Gateway.Metrics;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway;

/// <summary>The gateway's shared state: options (live), keys, log, counters, limiters.</summary>
internal sealed class GatewayRuntime : IAsyncDisposable
{
    private readonly IOptionsMonitor<GatewayOptions> _options;
    private readonly ConcurrentBag<EventNormalizer> _normalizers = [];
    private readonly IDisposable? _onChange;
    private NetworkPolicy _network;

    public GatewayRuntime(IOptionsMonitor<GatewayOptions> options, ILoggerFactory loggers)
    {
        _options = options;
        var current = options.CurrentValue;
        Logger = loggers.CreateLogger("ObservabilityStack.Gateway");
        Clock = current.Clock;
        DataDirectory = Path.GetFullPath(current.DataDirectory);
        Wal = new WriteAheadLog(Path.Combine(DataDirectory, "wal"), current.Wal, Logger);
        Wal.Open();
        Intake = new IntakeMemory(current.MaxConcurrentBodies);
        Keys = new ApiKeyStore(Path.GetFullPath(current.ResolveKeysFile()), Logger);
        _network = new NetworkPolicy(current.TrustedNetworks, current.TrustedProxies);
        _onChange = options.OnChange(o =>
        {
            try
            {
                _network = new NetworkPolicy(o.TrustedNetworks, o.TrustedProxies);
                Log.ConfigurationReloaded(Logger);
            }
            catch (FormatException ex)
            {
                Log.KeysReloadFailed(Logger, "configuration", ex.Message);
            }
        });
    }

    public GatewayOptions Options => _options.CurrentValue;

    public ILogger Logger { get; }

    public TimeProvider Clock { get; }

    public string DataDirectory { get; }

    public WriteAheadLog Wal { get; }

    public ApiKeyStore Keys { get; }

    /// <summary>Intake's slots and buffer pool (sized once, at start).</summary>
    public IntakeMemory Intake { get; }

    public NetworkPolicy Network => _network;

    public GatewayMetrics Metrics { get; } = new();

    public RateLimiters Limiters { get; } = new();

    /// <summary>Events accepted but not yet confirmed, since start (gauge; replayed events make it approximate).</summary>
    public long QueuedEvents => Math.Max(0, Metrics.Accepted - Metrics.Delivered - Metrics.DeadLettered - Metrics.DeadLetterFailed);

    public EventNormalizer RentNormalizer() => _normalizers.TryTake(out var n) ? n : new EventNormalizer();

    public void Return(EventNormalizer normalizer) => _normalizers.Add(normalizer);

    public async ValueTask DisposeAsync()
    {
        _onChange?.Dispose();
        Keys.Dispose();
        Limiters.Dispose();
        await Wal.DisposeAsync();
        Intake.Dispose();
        while (_normalizers.TryTake(out var n))
        {
            n.Dispose();
        }
    }
}
