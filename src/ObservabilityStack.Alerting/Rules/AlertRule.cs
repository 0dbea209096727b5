namespace ObservabilityStack.Alerting.Rules;

/// <summary>
/// One alert rule as loaded from YAML. Immutable; a reload builds new instances.
/// Type-specific fields are ignored by the other types.
/// </summary>
public sealed record AlertRule
{
    /// <summary>Unique name; identifies the rule's Quartz job and its state documents.</summary>
    public required string Name { get; init; }

    /// <summary>What the rule measures.</summary>
    public required RuleType Type { get; init; }

    /// <summary>Optional human description shown in emails.</summary>
    public string? Description { get; init; }

    /// <summary>Services (the <c>service.name</c> values) the rule watches. Empty means all services.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Data stream namespace (environment) to search; <c>*</c> (default) searches every one.</summary>
    public string Environment { get; init; } = "*";

    /// <summary>Length of the evaluated time range. Default 5 minutes.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How far the range's end lags behind now so late documents are counted. Default 0.</summary>
    public TimeSpan IngestDelay { get; init; }

    /// <summary>Run every this long. Default 1 minute when no <see cref="Cron"/> is given.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Quartz cron expression; when set it replaces <see cref="Interval"/>.</summary>
    public string? Cron { get; init; }

    /// <summary>The threshold the value is compared with (percent for ratios, per second for rates).</summary>
    public double Threshold { get; init; }

    /// <summary>Hysteresis: a firing alert resolves only once the value is back past this. Default the threshold.</summary>
    public double? ResolveThreshold { get; init; }

    /// <summary>Which side of the threshold is bad. Default <see cref="Comparison.Above"/> (absence: below).</summary>
    public Comparison Condition { get; init; } = Comparison.Above;

    /// <summary>The condition must hold this long before the alert fires. Default 0 (fire at once).</summary>
    public TimeSpan For { get; init; }

    /// <summary>While firing, remind every this long. Default 4 hours.</summary>
    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromHours(4);

    /// <summary>An unacknowledged critical alert escalates after this long. Null uses the on-call default.</summary>
    public TimeSpan? EscalateAfter { get; init; }

    /// <summary>How urgent the alert is.</summary>
    public Severity Severity { get; init; } = Severity.Warning;

    /// <summary>Team names or email addresses to notify.</summary>
    public IReadOnlyList<string> Receivers { get; init; } = [];

    /// <summary>Extra labels copied onto every alert of the rule.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Fields (besides <c>service.name</c>) that split the rule into separate alerts.</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    /// <summary>How many top groups, client IPs, paths and sample lines emails show. Default 5.</summary>
    public int TopN { get; init; } = 5;

    /// <summary>http_status: status codes that count as bad. Default 5xx.</summary>
    public IReadOnlyList<StatusCodeRange> StatusCodes { get; init; } = [new(500, 599)];

    /// <summary>http_status: ratio (percent, default) or count.</summary>
    public HttpStatusMeasure Measure { get; init; } = HttpStatusMeasure.Ratio;

    /// <summary>http_status ratio: groups with fewer requests than this stay quiet. Default 1.</summary>
    public long MinRequests { get; init; } = 1;

    /// <summary>exception: <c>error.type</c> values to watch; empty means any type.</summary>
    public IReadOnlyList<string> ErrorTypes { get; init; } = [];

    /// <summary>exception: only types not seen during <see cref="NewTypeLookback"/> before the window count.</summary>
    public bool NewTypesOnly { get; init; }

    /// <summary>exception: how far back a type must be unseen to be new. Default 7 days.</summary>
    public TimeSpan NewTypeLookback { get; init; } = TimeSpan.FromDays(7);

    /// <summary>query: a Lucene query string (<c>query_string</c>) selecting the documents.</summary>
    public string? Query { get; init; }

    /// <summary>query: <c>count</c> (default) or <c>cardinality:FIELD</c> (distinct values).</summary>
    public string Metric { get; init; } = "count";

    /// <summary>File the rule came from (for messages).</summary>
    public string SourceFile { get; init; } = "";

    /// <summary>Line of the rule in <see cref="SourceFile"/>.</summary>
    public int SourceLine { get; init; }

    /// <summary>The threshold at which a firing alert resolves (hysteresis).</summary>
    public double EffectiveResolveThreshold => ResolveThreshold ?? Threshold;
}
