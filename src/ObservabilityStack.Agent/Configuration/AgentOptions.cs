namespace ObservabilityStack.Agent.Configuration;

/// <summary>Everything the agent needs to tail files and ship them to the gateway, read from an <c>.env</c>-style file.</summary>
public sealed record AgentOptions
{
    /// <summary>Where the events come from, written as <c>host.name</c> (the seed's <c>SOURCE</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Files to tail; each may be a glob in its last segment (<c>/var/log/app/*.log</c>).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Gateway base URL; events go to <c>{GatewayUrl}/v1/logs</c>.</summary>
    public required Uri GatewayUrl { get; init; }

    /// <summary>The gateway API key (from the file, <c>API_KEY_FILE</c> or <c>OBS_AGENT_API_KEY</c>). Never logged.</summary>
    public required string ApiKey { get; init; }

    /// <summary>CA certificate file the gateway's HTTPS certificate must chain to (<c>GATEWAY_CA_CERT</c>); null: the system store.</summary>
    public string? GatewayCaCertificate { get; init; }

    /// <summary>Environment written as <c>service.environment</c>; null lets the key's default apply.</summary>
    public string? Environment { get; init; }

    /// <summary>How each line is read: auto, plain, json or mail.</summary>
    public ParserKind Parser { get; init; } = ParserKind.Auto;

    /// <summary>Whether indented lines (stack traces) continue the previous event.</summary>
    public bool JoinIndentedLines { get; init; } = true;

    /// <summary>Most events in one request. Default 500.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How often files are polled and a partial batch is sent. Default 0.5 s.</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>First wait after a failed send; doubles up to <see cref="MaxRetryDelay"/>. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries of a failed send (retries never give up). Default 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where read positions are kept.</summary>
    public required string StateFile { get; init; }

    /// <summary>Where events the gateway rejected are written with its reason (never silently dropped).</summary>
    public required string DeadLetterFile { get; init; }

    /// <summary>Longer lines are cut to this many bytes (counted). Default 32 KiB.</summary>
    public int MaxLineBytes { get; init; } = 32 * 1024;

    /// <summary>Commands run periodically whose output lines are shipped as events.</summary>
    public IReadOnlyList<PeriodicCommand> Commands { get; init; } = [];
}
