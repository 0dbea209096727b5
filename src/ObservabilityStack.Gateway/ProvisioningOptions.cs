namespace ObservabilityStack.Gateway;

/// <summary>What happens when events arrive for a service the cluster has not been prepared for.</summary>
public sealed class ProvisioningOptions
{
    /// <summary><see cref="ProvisioningMode.Provision"/> (default), <see cref="ProvisioningMode.Refuse"/> or <see cref="ProvisioningMode.Off"/>.</summary>
    public ProvisioningMode Mode { get; set; } = ProvisioningMode.Provision;

    /// <summary>
    /// Folder holding <c>elk/</c> (the templates and ILM policy applied). Default: <c>OBS_ASSETS_DIR</c>, else the
    /// first folder containing <c>elk/elasticsearch</c> walking up from the program's folder, then from the working folder.
    /// </summary>
    public string? AssetsDirectory { get; set; }

    /// <summary>Services that may write in <see cref="ProvisioningMode.Refuse"/> mode (those <c>obs bootstrap</c> prepared).</summary>
    public IList<string> KnownServices { get; set; } = [];

    /// <summary>Owner recorded in a first-seen service's index template. Default <c>unassigned</c>.</summary>
    public string DefaultOwner { get; set; } = "unassigned";

    /// <summary>Days a first-seen service's logs are kept after rollover. Default 14 (as <c>config/services.yaml</c>).</summary>
    public int DefaultRetentionDays { get; set; } = 14;

    /// <summary>Days dead-lettered events are kept (<c>logs-deadletter-*</c>). Default 30.</summary>
    public int DeadLetterRetentionDays { get; set; } = 30;
}
