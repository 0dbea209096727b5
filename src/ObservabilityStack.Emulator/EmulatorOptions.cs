namespace ObservabilityStack.Emulator;

/// <summary>How to run the Elasticsearch emulator.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Address to bind. Default loopback only.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="EmulatorHost.Url"/>). Default 9200.</summary>
    public int Port { get; set; } = 9200;

    /// <summary>Directory for durable data; null keeps everything in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// When true, requests need valid credentials (<c>Basic</c> or <c>ApiKey</c>) and role privileges are
    /// enforced, like a secured Elasticsearch. Roles and API keys persist in <see cref="DataDirectory"/>.
    /// </summary>
    public bool Security { get; set; }

    /// <summary>
    /// Password of the built-in <c>elastic</c> superuser when <see cref="Security"/> is on; null reads the
    /// <c>ELASTIC_PASSWORD</c> environment variable. Never logged.
    /// </summary>
    public string? ElasticPassword { get; set; }

    /// <summary>
    /// When true, a background pass (every 2 s) builds the doc-value columns of runs that have settled, as
    /// Elasticsearch writes doc values at index time, so the first aggregation over fresh data does not parse it.
    /// Costs CPU after ingest and memory for columns nobody may query. Default false: columns are built on first use.
    /// </summary>
    public bool WarmColumns { get; set; }

    /// <summary>Clock for timestamps, date math and ILM; tests inject a fake one to move time.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// How often ILM checks rollover and delete conditions, measured on <see cref="Clock"/>. Default 1 minute;
    /// <c>POST /_emulator/ilm/run</c> forces a pass at any time.
    /// </summary>
    public TimeSpan IlmPollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
