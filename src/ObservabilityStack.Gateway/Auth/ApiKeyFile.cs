namespace ObservabilityStack.Gateway.Auth;

/// <summary>The keys file's content.</summary>
public sealed class ApiKeyFile
{
    /// <summary>All keys, revoked ones included (so ids are never reused and revocations are visible).</summary>
    public List<ApiKeyRecord> Keys { get; set; } = [];
}
