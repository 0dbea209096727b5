using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Security;

/// <summary>Reserved roles every secured cluster has; they cannot be changed or deleted.</summary>
internal static class BuiltinRoles
{
    public static IReadOnlyDictionary<string, RoleDescriptor> All { get; } = new Dictionary<string, RoleDescriptor>(StringComparer.Ordinal)
    {
        ["superuser"] = Reserved("superuser", """
            {"cluster":["all"],"indices":[{"names":["*"],"privileges":["all"],"allow_restricted_indices":true}],
             "applications":[{"application":"*","privileges":["*"],"resources":["*"]}],"run_as":["*"]}
            """),
        ["viewer"] = Reserved("viewer", """
            {"cluster":[],"indices":[{"names":["*"],"privileges":["read","view_index_metadata"]}]}
            """),
        ["editor"] = Reserved("editor", """
            {"cluster":[],"indices":[{"names":["*"],"privileges":["read","view_index_metadata","write","maintenance"]}]}
            """),
    };

    private static RoleDescriptor Reserved(string name, string json)
    {
        var body = (JsonObject)JsonNode.Parse(json)!;
        body["metadata"] = new JsonObject { ["_reserved"] = true };
        return RoleDescriptor.Parse(name, body);
    }
}
