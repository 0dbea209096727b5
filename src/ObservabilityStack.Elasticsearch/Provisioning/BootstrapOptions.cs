namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>Optional parts of a bootstrap.</summary>
public sealed class BootstrapOptions
{
    /// <summary>Where created API keys go. Null: no keys are created (the plan says so).</summary>
    public ISecretStore? Secrets { get; init; }

    /// <summary>Kibana to import saved objects into. Null: Kibana is left alone.</summary>
    public KibanaTarget? Kibana { get; init; }
}
