namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>The ordered steps of a bootstrap; <see cref="ApplyAsync"/> runs the changes in order.</summary>
public sealed class BootstrapPlan
{
    /// <summary>Creates a plan.</summary>
    public BootstrapPlan(ClusterInfo cluster, IReadOnlyList<PlanStep> steps)
    {
        Cluster = cluster;
        Steps = steps;
    }

    /// <summary>The cluster the plan was computed against.</summary>
    public ClusterInfo Cluster { get; }

    /// <summary>Every object, in apply order (policies, templates, data streams, roles, keys, Kibana).</summary>
    public IReadOnlyList<PlanStep> Steps { get; }

    /// <summary>Number of steps that change something.</summary>
    public int ChangeCount => Steps.Count(s => s.IsChange);

    /// <summary>Applies every changing step in order, reporting each one after it is done. Stops at the first failure.</summary>
    public async Task ApplyAsync(IProgress<PlanStep>? progress = null, CancellationToken cancellationToken = default)
    {
        foreach (var step in Steps)
        {
            await step.ApplyAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(step);
        }
    }
}
