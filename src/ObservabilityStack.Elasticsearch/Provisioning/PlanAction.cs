namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>What bootstrap will do to one object.</summary>
public enum PlanAction
{
    /// <summary>The object does not exist and will be created.</summary>
    Create,

    /// <summary>The object exists but differs and will be replaced.</summary>
    Update,

    /// <summary>The object exists as wanted; nothing to do.</summary>
    Unchanged,

    /// <summary>Not applicable here (e.g. roles on a cluster without security).</summary>
    Skip,
}
