using ObservabilityStack.Emulator.Faults;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator;

/// <summary>What API handlers share: the cluster state, fault injection and options.</summary>
internal sealed class EmulatorContext(Cluster cluster, FaultInjector faults, EmulatorOptions options)
{
    public Cluster Cluster { get; } = cluster;

    public FaultInjector Faults { get; } = faults;

    public EmulatorOptions Options { get; } = options;

    public TimeProvider Clock => Options.Clock;

    /// <summary>Runs one ILM pass now (set by the host once the runner exists).</summary>
    public Action? RunIlm { get; set; }

    public Apis.TasksApi Tasks { get; } = new();

    public Apis.RequestCache RequestCache { get; } = new();

    /// <summary>Ingest pipelines and the service that runs them on writes.</summary>
    public Ingest.IngestService Ingest { get; } = new(new Ingest.PipelineStore(options.DataDirectory), options.Clock);

    public string ClusterUuid { get; } = Guid.NewGuid().ToString("N")[..22];
}
