namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>Why provisioning stopped, so callers can pick an exit code or a retry policy.</summary>
public enum ProvisioningFailureKind
{
    /// <summary>The server could not be reached (connection refused, DNS, TLS, timeout).</summary>
    Unreachable,

    /// <summary>The server refused the credentials (401) or their privileges (403).</summary>
    Unauthorized,

    /// <summary>The server runs a version we do not support.</summary>
    UnsupportedVersion,

    /// <summary>The server rejected one of our objects (4xx/5xx with a reason).</summary>
    Rejected,

    /// <summary>Our own assets (elk/, services file, dashboards) are missing or invalid.</summary>
    InvalidAssets,
}
