using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// A stored API key: the hash of its secret (never the secret), its own role descriptors and the snapshot of
/// its creator's roles (<c>limited_by</c>) that its privileges are intersected with.
/// </summary>
internal sealed class ApiKeyRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Hash { get; init; }

    public required long Creation { get; init; }

    public long? Expiration { get; init; }

    public bool Invalidated { get; set; }

    public long? Invalidation { get; set; }

    public required string Username { get; init; }

    public required string Realm { get; init; }

    /// <summary>The key's own role descriptors by name; empty means "the creator's privileges".</summary>
    public required JsonObject RoleDescriptors { get; init; }

    /// <summary>The creator's role descriptors when the key was made, by role name.</summary>
    public required JsonObject LimitedBy { get; init; }

    public JsonObject Metadata { get; init; } = [];

    public bool IsExpired(long nowMillis) => Expiration is { } at && at <= nowMillis;

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["hash"] = Hash,
        ["creation"] = Creation,
        ["expiration"] = Expiration,
        ["invalidated"] = Invalidated,
        ["invalidation"] = Invalidation,
        ["username"] = Username,
        ["realm"] = Realm,
        ["role_descriptors"] = RoleDescriptors.DeepClone(),
        ["limited_by"] = LimitedBy.DeepClone(),
        ["metadata"] = Metadata.DeepClone(),
    };

    public static ApiKeyRecord FromJson(JsonObject o) => new()
    {
        Id = o["id"]!.GetValue<string>(),
        Name = o["name"]!.GetValue<string>(),
        Hash = o["hash"]!.GetValue<string>(),
        Creation = o["creation"]!.GetValue<long>(),
        Expiration = o["expiration"]?.GetValue<long>(),
        Invalidated = o["invalidated"]?.GetValue<bool>() ?? false,
        Invalidation = o["invalidation"]?.GetValue<long>(),
        Username = o["username"]!.GetValue<string>(),
        Realm = o["realm"]!.GetValue<string>(),
        RoleDescriptors = (JsonObject)(o["role_descriptors"]?.DeepClone() ?? new JsonObject()),
        LimitedBy = (JsonObject)(o["limited_by"]?.DeepClone() ?? new JsonObject()),
        Metadata = (JsonObject)(o["metadata"]?.DeepClone() ?? new JsonObject()),
    };
}
