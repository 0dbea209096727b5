using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// A role as Elasticsearch describes it: cluster privileges, index grants, and fields we keep but do not
/// enforce (applications, run_as, metadata). <see cref="Body"/> is what GET answers.
/// </summary>
internal sealed class RoleDescriptor
{
    private static readonly HashSet<string> KnownFields =
        ["cluster", "indices", "applications", "run_as", "metadata", "transient_metadata", "description", "global", "remote_indices", "remote_cluster"];

    private RoleDescriptor(IReadOnlyList<string> cluster, IReadOnlyList<IndexGrant> indices, JsonObject body)
    {
        Cluster = cluster;
        Indices = indices;
        Body = body;
    }

    public IReadOnlyList<string> Cluster { get; }

    public IReadOnlyList<IndexGrant> Indices { get; }

    /// <summary>The normalised descriptor (cluster, indices, applications, run_as, metadata...).</summary>
    public JsonObject Body { get; }

    public bool AllowsCluster(string action) => Cluster.Any(p => Privileges.ClusterGrants(p, action));

    public bool AllowsIndex(string action, string name) =>
        Indices.Any(g => g.Privileges.Any(p => Privileges.IndexGrants(p, action)) && g.Names.Any(n => Wildcard.Matches(n, name)));

    public bool AllowsIndexAnywhere(string action) => Indices.Any(g => g.Privileges.Any(p => Privileges.IndexGrants(p, action)));

    /// <summary>Parses and validates a descriptor like Elasticsearch (unknown privileges and fields are 400s).</summary>
    public static RoleDescriptor Parse(string name, JsonObject source)
    {
        foreach (var (key, _) in source)
        {
            if (!KnownFields.Contains(key))
            {
                throw EmulatorException.Parsing($"failed to parse role [{name}]. unexpected field [{key}]");
            }
        }

        var cluster = Strings(source["cluster"], name, "cluster");
        foreach (var privilege in cluster)
        {
            if (!Privileges.IsClusterPrivilege(privilege))
            {
                throw EmulatorException.IllegalArgument(
                    $"unknown cluster privilege [{privilege}]. a privilege must be either one of the predefined cluster privilege names " +
                    $"[{string.Join(",", Privileges.ClusterNames)}] or a pattern over one of the available cluster actions");
            }
        }

        var grants = new List<IndexGrant>();
        var indices = new JsonArray();
        foreach (var entry in source["indices"] as JsonArray ?? [])
        {
            if (entry is not JsonObject grant)
            {
                throw EmulatorException.Parsing($"failed to parse indices privileges for role [{name}]. expected an object");
            }

            var names = Strings(grant["names"], name, "indices.names");
            var privileges = Strings(grant["privileges"], name, "indices.privileges");
            if (names.Count == 0 || privileges.Count == 0)
            {
                throw EmulatorException.Parsing(
                    $"failed to parse indices privileges for role [{name}]. missing required [{(names.Count == 0 ? "names" : "privileges")}] field");
            }

            foreach (var privilege in privileges)
            {
                if (!Privileges.IsIndexPrivilege(privilege))
                {
                    throw EmulatorException.IllegalArgument(
                        $"unknown index privilege [{privilege}]. a privilege must be either one of the predefined fixed indices privileges " +
                        $"[{string.Join(",", Privileges.IndexNames)}] or a pattern over one of the available index actions");
                }
            }

            grants.Add(new IndexGrant(names, privileges));
            var copy = (JsonObject)grant.DeepClone();
            copy["names"] = new JsonArray(names.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
            copy["allow_restricted_indices"] ??= false;
            indices.Add(copy);
        }

        var body = new JsonObject
        {
            ["cluster"] = new JsonArray(cluster.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["indices"] = indices,
            ["applications"] = source["applications"]?.DeepClone() ?? new JsonArray(),
            ["run_as"] = source["run_as"]?.DeepClone() ?? new JsonArray(),
            ["metadata"] = source["metadata"]?.DeepClone() ?? new JsonObject(),
        };
        if (source["description"] is { } description)
        {
            body["description"] = description.DeepClone();
        }

        return new RoleDescriptor(cluster, grants, body);
    }

    private static List<string> Strings(JsonNode? node, string role, string field) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw EmulatorException.Parsing($"failed to parse role [{role}]. [{field}] must be an array of strings")).ToList(),
        JsonValue value when value.TryGetValue<string>(out var single) => [single],
        _ => throw EmulatorException.Parsing($"failed to parse role [{role}]. [{field}] must be an array of strings"),
    };
}
