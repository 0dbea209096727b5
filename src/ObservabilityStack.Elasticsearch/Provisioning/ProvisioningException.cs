namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// A provisioning failure with a message that says what to do (shown to users as is).
/// </summary>
public sealed class ProvisioningException : Exception
{
    /// <summary>Creates a failure of the given kind.</summary>
    public ProvisioningException(ProvisioningFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Creates a failure (kind <see cref="ProvisioningFailureKind.Rejected"/>).</summary>
    public ProvisioningException()
        : this(ProvisioningFailureKind.Rejected, "Provisioning failed.")
    {
    }

    /// <summary>Creates a failure (kind <see cref="ProvisioningFailureKind.Rejected"/>).</summary>
    public ProvisioningException(string message)
        : this(ProvisioningFailureKind.Rejected, message)
    {
    }

    /// <summary>Creates a failure (kind <see cref="ProvisioningFailureKind.Rejected"/>).</summary>
    public ProvisioningException(string message, Exception innerException)
        : this(ProvisioningFailureKind.Rejected, message, innerException)
    {
    }

    /// <summary>Why provisioning stopped.</summary>
    public ProvisioningFailureKind Kind { get; }
}
