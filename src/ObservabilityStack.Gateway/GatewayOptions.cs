namespace ObservabilityStack.Gateway;

/// <summary>
/// Everything the gateway is configured with; bound from the <c>Gateway</c> section of the configuration
/// (see <c>config/gateway.json</c>). Limits, trusted networks and rate limits are re-read when the
/// configuration file changes; addresses and directories are read once at start.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>Listen URLs, e.g. <c>http://0.0.0.0:8080</c>. Default <c>http://127.0.0.1:8080</c>; port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Directory for the write-ahead log, its checkpoint and the keys file. Default <c>./data/gateway</c>.</summary>
    public string DataDirectory { get; set; } = Path.Combine("data", "gateway");

    /// <summary>Keys file; default <c>{DataDirectory}/keys.json</c>.</summary>
    public string? KeysFile { get; set; }

    /// <summary>Optional JSON configuration file (with a <c>Gateway</c> section) watched for changes.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Configuration values that win over the file (command-line options), keyed like <c>Gateway:DataDirectory</c>.</summary>
    public IDictionary<string, string?> ConfigOverrides { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where delivered events go.</summary>
    public GatewayElasticsearchOptions Elasticsearch { get; set; } = new();

    /// <summary>Limits for <c>/v1/logs</c> and <c>/_bulk</c>.</summary>
    public IntakeLimits Limits { get; set; } = new();

    /// <summary>Limits for <c>/v1/browser-logs</c> (browser keys are public, so these are smaller).</summary>
    public IntakeLimits BrowserLimits { get; set; } = new()
    {
        MaxBodyBytes = 256 * 1024,
        MaxEventBytes = 16 * 1024,
        MaxFieldsPerEvent = 100,
        MaxDepth = 8,
        MaxEventsPerRequest = 100,
    };

    /// <summary>CIDR ranges clients may connect from; empty allows every address.</summary>
    public IList<string> TrustedNetworks { get; set; } = [];

    /// <summary>CIDR ranges of reverse proxies whose <c>X-Forwarded-For</c> header is believed.</summary>
    public IList<string> TrustedProxies { get; set; } = [];

    /// <summary>Per-key and per-IP request rates.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Write-ahead log sizes and quota.</summary>
    public WalOptions Wal { get; set; } = new();

    /// <summary>Bulk delivery tuning.</summary>
    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>First-seen services: provisioned (default), refused, or left alone.</summary>
    public ProvisioningOptions Provisioning { get; set; } = new();

    /// <summary>Support-bundle uploads per ticket (<c>/v1/tickets</c>): limits and target stream.</summary>
    public Tickets.TicketOptions Tickets { get; set; } = new();

    /// <summary>
    /// Intake requests that may read and parse their bodies at once (read at start). Further requests wait for one to
    /// finish, holding no intake buffer, and get 429 after <see cref="BodySlotWaitMilliseconds"/>. Buffers are given
    /// back before a request waits for its fsync, so a slot is held only while a body is read and parsed. The intake
    /// pool keeps as many arrays per size, so intake memory stays below about this many times three
    /// <c>MaxBodyBytes</c> (rounded up to a power of two: body, gzip input, records). Default 16.
    /// </summary>
    public int MaxConcurrentBodies { get; set; } = 16;

    /// <summary>How long a request waits for one of <see cref="MaxConcurrentBodies"/> before it gets 429 with Retry-After. Default 5,000 ms.</summary>
    public int BodySlotWaitMilliseconds { get; set; } = 5000;

    /// <summary>Exposes the <c>/v1/baseline</c> endpoint that only tokenizes bodies (for the load run). Default false.</summary>
    public bool EnableBaselineEndpoint { get; set; }

    /// <summary>Clock for timestamps and rate limits; tests inject their own.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Write the gateway's own logs to the console. Default true.</summary>
    public bool LogToConsole { get; set; } = true;

    /// <summary>Copies every setting onto <paramref name="target"/> (sub-objects are shared, not cloned).</summary>
    public void CopyTo(GatewayOptions target)
    {
        target.Urls = Urls;
        target.DataDirectory = DataDirectory;
        target.KeysFile = KeysFile;
        target.ConfigFile = ConfigFile;
        target.Elasticsearch = Elasticsearch;
        target.Limits = Limits;
        target.BrowserLimits = BrowserLimits;
        target.TrustedNetworks = TrustedNetworks;
        target.TrustedProxies = TrustedProxies;
        target.RateLimits = RateLimits;
        target.Wal = Wal;
        target.Delivery = Delivery;
        target.Provisioning = Provisioning;
        target.Tickets = Tickets;
        target.MaxConcurrentBodies = MaxConcurrentBodies;
        target.BodySlotWaitMilliseconds = BodySlotWaitMilliseconds;
        target.EnableBaselineEndpoint = EnableBaselineEndpoint;
        target.Clock = Clock;
        target.LogToConsole = LogToConsole;
    }

    /// <summary>The keys file actually used.</summary>
    public string ResolveKeysFile() => KeysFile ?? Path.Combine(DataDirectory, "keys.json");
}
