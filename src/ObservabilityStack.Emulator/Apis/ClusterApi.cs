using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>Root info, cluster health and cluster settings.</summary>
internal static class ClusterApi
{
    public const string VersionNumber = "9.1.0";

    private static readonly string[] Scopes = ["persistent", "transient"];

    public static void Map(EsRouter router, EmulatorContext context)
    {
        router.Map("GET,HEAD", "/", r => Info(r, context));
        router.Map("GET", "/_cluster/health", r => Health(r, context, null));
        router.Map("GET", "/_cluster/health/{index}", r => Health(r, context, r.Route("index")));
        var settings = new JsonObject { ["persistent"] = new JsonObject(), ["transient"] = new JsonObject() };
        router.Map("GET", "/_cluster/settings", r => r.WriteNodeAsync(200, settings.DeepClone()));
        router.Map("PUT", "/_cluster/settings", async r =>
        {
            var body = await r.ReadObjectAsync();
            var answer = new JsonObject { ["acknowledged"] = true, ["persistent"] = new JsonObject(), ["transient"] = new JsonObject() };
            foreach (var scope in Scopes)
            {
                if (body[scope] is JsonObject values)
                {
                    foreach (var (key, value) in values)
                    {
                        if (value is null)
                        {
                            ((JsonObject)settings[scope]!).Remove(key);
                        }
                        else
                        {
                            settings[scope]![key] = value.DeepClone();
                            answer[scope]![key] = value.DeepClone();
                        }
                    }
                }
            }

            await r.WriteNodeAsync(200, answer);
        });
    }

    private static Task Info(EsRequest r, EmulatorContext context)
    {
        if (r.Method == "HEAD")
        {
            return r.StatusOnlyAsync(200);
        }

        return r.WriteNodeAsync(200, new JsonObject
        {
            ["name"] = "obs-emulator",
            ["cluster_name"] = "obs-emulator",
            ["cluster_uuid"] = context.ClusterUuid,
            ["version"] = new JsonObject
            {
                ["number"] = VersionNumber,
                ["build_flavor"] = "default",
                ["build_type"] = "emulator",
                ["build_hash"] = "obs-emulator",
                ["build_date"] = "2025-07-01T00:00:00.000Z",
                ["build_snapshot"] = false,
                ["lucene_version"] = "10.2.2",
                ["minimum_wire_compatibility_version"] = "8.19.0",
                ["minimum_index_compatibility_version"] = "8.0.0",
            },
            ["tagline"] = "You Know, for Search",
        });
    }

    private static Task Health(EsRequest r, EmulatorContext context, string? expression)
    {
        var indices = expression is null
            ? context.Cluster.AllIndices.ToList()
            : context.Cluster.Resolve(expression, IndicesOptions.From(r, IndicesOptions.Lenient with { ExpandHidden = true }));
        // The emulator behaves like a two-node test cluster: one replica can be assigned, more stay unassigned.
        // Closed indices count too: since 7.2 their shards stay allocated and replicated.
        var open = indices;
        var primaries = open.Sum(Shards);
        var unassigned = open.Sum(i => Shards(i) * Math.Max(0, i.Replicas - 1));
        var assignedReplicas = open.Sum(i => Shards(i) * Math.Min(1, i.Replicas));
        var status = unassigned > 0 ? "yellow" : "green";
        var timedOut = r.Query("wait_for_status") == "green" && status != "green";
        var answer = new JsonObject
        {
            ["cluster_name"] = "obs-emulator",
            ["status"] = status,
            ["timed_out"] = timedOut,
            ["number_of_nodes"] = 1,
            ["number_of_data_nodes"] = 1,
            ["active_primary_shards"] = primaries,
            ["active_shards"] = primaries + assignedReplicas,
            ["relocating_shards"] = 0,
            ["initializing_shards"] = 0,
            ["unassigned_shards"] = unassigned,
            ["unassigned_primary_shards"] = 0,
            ["delayed_unassigned_shards"] = 0,
            ["number_of_pending_tasks"] = 0,
            ["number_of_in_flight_fetch"] = 0,
            ["task_max_waiting_in_queue_millis"] = 0,
            ["active_shards_percent_as_number"] = primaries + assignedReplicas + unassigned == 0
                ? 100.0
                : 100.0 * (primaries + assignedReplicas) / (primaries + assignedReplicas + unassigned),
        };
        var level = r.Query("level");
        if (level is "indices" or "shards")
        {
            var perIndex = new JsonObject();
            foreach (var index in open)
            {
                var shards = Shards(index);
                var indexStatus = index.Replicas > 1 ? "yellow" : "green";
                var shardDetails = new JsonObject();
                for (var s = 0; s < shards; s++)
                {
                    shardDetails[s.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
                    {
                        ["status"] = indexStatus,
                        ["primary_active"] = true,
                        ["active_shards"] = 1,
                        ["relocating_shards"] = 0,
                        ["initializing_shards"] = 0,
                        ["unassigned_shards"] = 0,
                        ["unassigned_primary_shards"] = 0,
                    };
                }

                var indexHealth = perIndex[index.Name] = new JsonObject
                {
                    ["status"] = indexStatus,
                    ["number_of_shards"] = shards,
                    ["number_of_replicas"] = index.Replicas,
                    ["active_primary_shards"] = shards,
                    ["active_shards"] = shards,
                    ["relocating_shards"] = 0,
                    ["initializing_shards"] = 0,
                    ["unassigned_shards"] = 0,
                    ["unassigned_primary_shards"] = 0,
                };
                if (level == "shards")
                {
                    indexHealth["shards"] = shardDetails;
                }
            }

            answer["indices"] = perIndex;
        }

        return r.WriteNodeAsync(timedOut ? 408 : 200, answer);
    }

    private static int Shards(EsIndex index) => int.TryParse(index.Settings["index.number_of_shards"], out var n) ? n : 1;
}
