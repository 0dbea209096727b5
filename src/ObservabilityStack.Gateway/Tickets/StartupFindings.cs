namespace ObservabilityStack.Gateway.Tickets;

/// <summary>What the tickets' start-up check found (also counted on <c>/metrics</c> as <c>obs_gateway_ticket_startup_findings_total</c>).</summary>
internal sealed class StartupFindings
{
    /// <summary>Stored but unrecorded uploads whose receipt matched: indexed and recorded.</summary>
    public int Recovered { get; set; }

    /// <summary>Unrecorded upload directories moved to <c>tickets/.quarantine/</c>.</summary>
    public int Quarantined { get; set; }

    /// <summary>Temporary upload files older than the threshold, removed.</summary>
    public int TempRemoved { get; set; }

    /// <summary>Younger temporary files, reported and left alone.</summary>
    public int TempKept { get; set; }

    /// <summary>Directories or files the check could not handle (permissions, I/O errors): logged and left alone.</summary>
    public int Failed { get; set; }

    public bool Any => Recovered + Quarantined + TempRemoved + TempKept + Failed > 0;
}
