using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary><c>_data_stream</c>: create, get, delete.</summary>
internal static class DataStreamsApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        var cluster = context.Cluster;
        router.Map("PUT", "/_data_stream/{name}", r =>
        {
            cluster.CreateDataStream(r.Route("name"));
            return r.AcknowledgedAsync();
        });
        router.Map("GET", "/_data_stream", r => Get(r, cluster, null));
        router.Map("GET", "/_data_stream/{name}", r => Get(r, cluster, r.Route("name")));
        router.Map("DELETE", "/_data_stream/{name}", r =>
        {
            cluster.DeleteDataStreams(cluster.ResolveDataStreams(r.Route("name")));
            return r.AcknowledgedAsync();
        });
    }

    private static Task Get(EsRequest r, Cluster cluster, string? name)
    {
        var list = new JsonArray();
        var expand = r.Query("expand_wildcards") ?? "open";
        var hidden = expand.Contains("hidden", StringComparison.Ordinal) || expand.Contains("all", StringComparison.Ordinal);
        foreach (var stream in cluster.ResolveDataStreams(name, hidden))
        {
            list.Add(Describe(cluster, stream));
        }

        return r.WriteNodeAsync(200, new JsonObject { ["data_streams"] = list });
    }

    private static JsonObject Describe(Cluster cluster, DataStream stream)
    {
        var indices = new JsonArray();
        string? policy = null;
        var preferIlm = true;
        lock (cluster.MetadataLock)
        {
            foreach (var name in stream.Indices)
            {
                var index = cluster.FindIndex(name);
                preferIlm = index?.Settings["index.lifecycle.prefer_ilm"] != "false";
                var entry = new JsonObject { ["index_name"] = name, ["index_uuid"] = index?.Uuid, ["prefer_ilm"] = preferIlm };
                policy = index?.Settings["index.lifecycle.name"];
                if (policy is not null)
                {
                    entry["ilm_policy"] = policy;
                }

                entry["managed_by"] = policy is null ? "Unmanaged" : "Index Lifecycle Management";
                indices.Add(entry);
            }
        }

        var json = new JsonObject
        {
            ["name"] = stream.Name,
            ["timestamp_field"] = new JsonObject { ["name"] = "@timestamp" },
            ["indices"] = indices,
            ["generation"] = stream.Generation,
            ["status"] = "GREEN",
            ["template"] = stream.Template,
        };
        if (policy is not null)
        {
            json["ilm_policy"] = policy;
        }

        json["next_generation_managed_by"] = policy is null ? "Unmanaged" : "Index Lifecycle Management";
        json["prefer_ilm"] = preferIlm;
        json["hidden"] = stream.Hidden;
        json["system"] = false;
        json["allow_custom_routing"] = false;
        json["replicated"] = false;
        json["rollover_on_write"] = false;
        if (stream.Meta is not null)
        {
            json["_meta"] = stream.Meta.DeepClone();
        }

        return json;
    }
}
