namespace ObservabilityStack.Gateway;

/// <summary>How the gateway treats a service seen for the first time.</summary>
public enum ProvisioningMode
{
    /// <summary>Before its first delivery, the service gets its ILM policy and index template from the provisioning code.</summary>
    Provision,

    /// <summary>Events of services not in <see cref="ProvisioningOptions.KnownServices"/> are refused at intake (403 <c>unknown_service</c>).</summary>
    Refuse,

    /// <summary>Nothing is provisioned or refused; new data streams get whatever templates the cluster has.</summary>
    Off,
}
