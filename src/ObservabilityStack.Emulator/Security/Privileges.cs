using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Elasticsearch's named privileges as the action patterns they grant. The lists are ordered narrowest first,
/// which is the order Elasticsearch names them in "this action is granted by the ... privileges [..]".
/// </summary>
internal static class Privileges
{
    private static readonly (string Name, string[] Patterns, string[] Except)[] IndexTable =
    [
        ("none", [], []),
        ("create_doc", ["indices:data/write/index:op_type/create", "indices:data/write/bulk*", "indices:admin/mapping/auto_put"], []),
        ("create", ["indices:data/write/index*", "indices:data/write/bulk*", "indices:admin/mapping/auto_put"], []),
        ("index", ["indices:data/write/index*", "indices:data/write/update*", "indices:data/write/bulk*", "indices:admin/mapping/auto_put"], []),
        ("delete", ["indices:data/write/delete*", "indices:data/write/bulk*"], []),
        ("write", ["indices:data/write/*", "indices:admin/mapping/auto_put"], []),
        ("read", ["indices:data/read/*", "indices:admin/resolve/*"], []),
        ("view_index_metadata",
        [
            "indices:admin/aliases/get", "indices:admin/get", "indices:admin/mappings/get", "indices:admin/mappings/fields/get*",
            "indices:monitor/settings/get", "indices:admin/data_stream/get", "indices:admin/data_stream/lifecycle/get",
            "indices:admin/ilm/explain", "indices:admin/resolve/*", "indices:admin/validate/query", "indices:data/read/field_caps*",
        ], []),
        ("monitor", ["indices:monitor/*"], []),
        ("maintenance", ["indices:admin/refresh*", "indices:admin/flush*", "indices:admin/forcemerge*"], []),
        ("auto_configure", ["indices:admin/auto_create", "indices:admin/mapping/auto_put"], []),
        ("create_index", ["indices:admin/create", "indices:admin/auto_create", "indices:admin/data_stream/create"], []),
        ("delete_index", ["indices:admin/delete", "indices:admin/data_stream/delete"], []),
        ("manage_ilm", ["indices:admin/ilm/*"], []),
        ("manage_data_stream_lifecycle", ["indices:admin/data_stream/lifecycle/*"], []),
        ("manage", ["indices:monitor/*", "indices:admin/*"], []),
        ("all", ["indices:*"], []),
    ];

    private static readonly (string Name, string[] Patterns, string[] Except)[] ClusterTable =
    [
        ("none", [], []),
        ("monitor", ["cluster:monitor/*"], []),
        ("read_ilm", ["cluster:admin/ilm/get", "cluster:admin/ilm/operation_mode/get"], []),
        ("manage_ilm", ["cluster:admin/ilm/*"], []),
        ("manage_index_templates", ["indices:admin/template/*", "indices:admin/index_template/*", "cluster:admin/component_template/*"], []),
        ("read_pipeline", ["cluster:admin/ingest/pipeline/get"], []),
        ("manage_pipeline", ["cluster:admin/ingest/pipeline/*"], []),
        ("manage_own_api_key", ["cluster:admin/xpack/security/api_key/create"], []),
        ("manage_api_key", ["cluster:admin/xpack/security/api_key/*"], []),
        ("read_security", ["cluster:admin/xpack/security/*/get"], []),
        ("manage_security", ["cluster:admin/xpack/security/*"], []),
        ("manage", ["cluster:*", "indices:admin/template/*", "indices:admin/index_template/*"], ["cluster:admin/xpack/security/*"]),
        ("all", ["cluster:*", "indices:admin/template/*", "indices:admin/index_template/*"], []),
    ];

    private static readonly Dictionary<string, (string[] Patterns, string[] Except)> IndexByName =
        IndexTable.ToDictionary(p => p.Name, p => (p.Patterns, p.Except), StringComparer.Ordinal);

    private static readonly Dictionary<string, (string[] Patterns, string[] Except)> ClusterByName =
        ClusterTable.ToDictionary(p => p.Name, p => (p.Patterns, p.Except), StringComparer.Ordinal);

    public static bool IsIndexPrivilege(string name) => IndexByName.ContainsKey(name) || name.StartsWith("indices:", StringComparison.Ordinal);

    public static bool IsClusterPrivilege(string name) => ClusterByName.ContainsKey(name)
        || name.StartsWith("cluster:", StringComparison.Ordinal) || name.StartsWith("indices:admin/", StringComparison.Ordinal);

    public static IEnumerable<string> IndexNames => IndexTable.Select(p => p.Name);

    public static IEnumerable<string> ClusterNames => ClusterTable.Select(p => p.Name);

    /// <summary>True when the index privilege (a name or an action pattern) grants <paramref name="action"/>.</summary>
    public static bool IndexGrants(string privilege, string action) => Grants(IndexByName, privilege, action);

    /// <summary>True when the cluster privilege (a name or an action pattern) grants <paramref name="action"/>.</summary>
    public static bool ClusterGrants(string privilege, string action) => Grants(ClusterByName, privilege, action);

    /// <summary>The named index privileges that grant an action, narrowest first (for error messages).</summary>
    public static string GrantingIndexPrivileges(string action) =>
        string.Join(",", IndexTable.Where(p => IndexGrants(p.Name, action)).Select(p => p.Name));

    /// <summary>The named cluster privileges that grant an action, narrowest first (for error messages).</summary>
    public static string GrantingClusterPrivileges(string action) =>
        string.Join(",", ClusterTable.Where(p => ClusterGrants(p.Name, action)).Select(p => p.Name));

    private static bool Grants(Dictionary<string, (string[] Patterns, string[] Except)> table, string privilege, string action)
    {
        if (!table.TryGetValue(privilege, out var entry))
        {
            return privilege.Contains(':', StringComparison.Ordinal) && Wildcard.Matches(privilege, action);
        }

        return entry.Patterns.Any(p => Wildcard.Matches(p, action)) && !entry.Except.Any(p => Wildcard.Matches(p, action));
    }
}
