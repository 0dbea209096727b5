using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.OnCall;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;
using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Alerting;

/// <summary>Everything the alert engine needs to run. Defaults suit <c>obs up</c> on one machine.</summary>
public sealed class AlertingOptions
{
    private OnCallConfig? _onCall;

    /// <summary>Rules file, watched for changes. Default <c>config/alert-rules.yaml</c>.</summary>
    public string RulesFile { get; set; } = Path.Combine("config", "alert-rules.yaml");

    /// <summary>Fixed rules instead of a file (tests, embedding). Null reads <see cref="RulesFile"/>.</summary>
    public RuleSet? Rules { get; set; }

    /// <summary>On-call file; used when it exists. Default <c>config/oncall.yaml</c>.</summary>
    public string? OnCallFile { get; set; } = Path.Combine("config", "oncall.yaml");

    /// <summary>Fixed on-call configuration instead of a file.</summary>
    public OnCallConfig? OnCallConfig { get; set; }

    /// <summary>Elasticsearch (or emulator) connection. Default <c>http://127.0.0.1:9200</c>.</summary>
    public ElasticsearchClientOptions Elasticsearch { get; set; } = new();

    /// <summary>SMTP or pickup folder. Default pickup folder <c>./data/outbox</c>.</summary>
    public MailOptions Mail { get; set; } = new();

    /// <summary>Engine data (the persistent outbox queue). Default <c>./data/alerting</c>.</summary>
    public string DataDirectory { get; set; } = Path.Combine("data", "alerting");

    /// <summary>Kibana base URL for Discover links in emails; null leaves links out.</summary>
    public Uri? KibanaUrl { get; set; }

    /// <summary>How long alerts for one recipient are gathered into one email. Default 2 seconds.</summary>
    public TimeSpan GroupWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest pause between outbox delivery passes. Default 500 ms.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Receivers (teams or addresses) of self-alerts; empty means every team's on-call member.</summary>
    public IReadOnlyList<string> SelfAlertReceivers { get; set; } = [];

    /// <summary>Failures in a row that raise a self-alert. Default 3.</summary>
    public int SelfAlertThreshold { get; set; } = 3;

    /// <summary>Where /health listens; null serves no HTTP. Default <c>http://127.0.0.1:9400</c>.</summary>
    public string? Urls { get; set; } = "http://127.0.0.1:9400";

    /// <summary>Name of this instance in state documents. Default machine name and process id.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Index names for state, silences and history.</summary>
    public AlertingStoreNames StoreNames { get; set; } = new();

    /// <summary>Clock; tests pass a fake one. Default the system clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Rules evaluated at the same time at most. Default 8.</summary>
    public int MaxConcurrentRuns { get; set; } = 8;

    /// <summary>A run starting later than this after its time counts as skipped. Default 5 seconds.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The on-call configuration in force (loaded once from <see cref="OnCallFile"/> if present).</summary>
    public OnCallConfig OnCall() => _onCall ??= OnCallConfig
        ?? (OnCallFile is not null && File.Exists(OnCallFile) ? OnCallLoader.Load(OnCallFile) : ObservabilityStack.Alerting.OnCall.OnCallConfig.Empty);
}
