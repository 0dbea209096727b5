using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Security;

/// <summary>A native user: the PBKDF2 hash of the password (never the password), roles and profile fields.</summary>
internal sealed class UserRecord
{
    public required string Username { get; init; }

    public required string PasswordHash { get; set; }

    public required IReadOnlyList<string> Roles { get; set; }

    public string? FullName { get; set; }

    public string? Email { get; set; }

    public JsonObject Metadata { get; set; } = [];

    public bool Enabled { get; set; } = true;

    /// <summary>Built-in users (<c>elastic</c>) live in the reserved realm and are not persisted.</summary>
    public bool Reserved { get; init; }

    public JsonObject ToJson() => new()
    {
        ["username"] = Username,
        ["password_hash"] = PasswordHash,
        ["roles"] = new JsonArray(Roles.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
        ["full_name"] = FullName,
        ["email"] = Email,
        ["metadata"] = Metadata.DeepClone(),
        ["enabled"] = Enabled,
    };

    public static UserRecord FromJson(JsonObject o) => new()
    {
        Username = o["username"]!.GetValue<string>(),
        PasswordHash = o["password_hash"]!.GetValue<string>(),
        Roles = (o["roles"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToList(),
        FullName = o["full_name"]?.GetValue<string>(),
        Email = o["email"]?.GetValue<string>(),
        Metadata = (JsonObject)(o["metadata"]?.DeepClone() ?? new JsonObject()),
        Enabled = o["enabled"]?.GetValue<bool>() ?? true,
    };
}
