namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Who made a request and what they may do. For an API key the key's own descriptors are intersected with
/// its creator's roles at creation time (<see cref="LimitedBy"/>), as in Elasticsearch.
/// </summary>
internal sealed class Principal
{
    public required string Username { get; init; }

    public required IReadOnlyList<string> RoleNames { get; init; }

    public required string RealmName { get; init; }

    public required string RealmType { get; init; }

    public UserRecord? User { get; init; }

    public ApiKeyRecord? ApiKey { get; init; }

    public required IReadOnlyList<RoleDescriptor> Granted { get; init; }

    public IReadOnlyList<RoleDescriptor>? LimitedBy { get; init; }

    public bool AllowsCluster(string action) =>
        Granted.Any(r => r.AllowsCluster(action)) && (LimitedBy is null || LimitedBy.Any(r => r.AllowsCluster(action)));

    public bool AllowsIndex(string action, string name) =>
        Granted.Any(r => r.AllowsIndex(action, name)) && (LimitedBy is null || LimitedBy.Any(r => r.AllowsIndex(action, name)));

    public bool AllowsIndexAnywhere(string action) =>
        Granted.Any(r => r.AllowsIndexAnywhere(action)) && (LimitedBy is null || LimitedBy.Any(r => r.AllowsIndexAnywhere(action)));

    /// <summary>How Elasticsearch names the subject in a 403: the API key and its owner, or the user and roles.</summary>
    public string Describe() => ApiKey is { } key
        ? $"API key id [{key.Id}] of user [{Username}]"
        : $"user [{Username}] with effective roles [{string.Join(",", RoleNames)}]";
}
