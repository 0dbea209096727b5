namespace ObservabilityStack.Gateway.Auth;

/// <summary>One API key as stored: only a salted hash of the secret is kept.</summary>
public sealed class ApiKeyRecord
{
    /// <summary>Public key id (also the first part of the key).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Base64 SHA-256 of salt followed by the key's UTF-8 bytes.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>Base64 random salt.</summary>
    public string Salt { get; set; } = string.Empty;

    /// <summary>The service every event of this key is attributed to.</summary>
    public string Service { get; set; } = string.Empty;

    /// <summary>Environments the key may write; the first is the default.</summary>
    public List<string> Environments { get; set; } = [];

    /// <summary>True for a public browser key (only <c>/v1/browser-logs</c>, with origin checks).</summary>
    public bool Browser { get; set; }

    /// <summary>Origins a browser key may be used from (CORS allowlist).</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>True for a staff key: only the admin endpoints (<c>/v1/tickets</c>), never intake.</summary>
    public bool Admin { get; set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>When the key was revoked, or null while it is valid.</summary>
    public DateTimeOffset? Revoked { get; set; }
}
