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
        router.Map("PUT", "/_data_stream/{name}/_lifecycle", async r =>
        {
            var body = await r.ReadObjectAsync();
            foreach (var stream in cluster.ResolveDataStreams(r.Route("name")))
            {
                stream.Lifecycle = (JsonObject)body.DeepClone();
            }

            cluster.NotifyMetadataChanged();
            await r.AcknowledgedAsync();
        });
        router.Map("GET", "/_data_stream/{name}/_lifecycle", r =>
        {
            var list = new JsonArray();
            foreach (var stream in cluster.ResolveDataStreams(r.Route("name")))
            {
                list.Add(new JsonObject { ["name"] = stream.Name, ["lifecycle"] = stream.Lifecycle?.DeepClone() });
            }

            return r.WriteNodeAsync(200, new JsonObject { ["data_streams"] = list });
        });
        router.Map("DELETE", "/_data_stream/{name}/_lifecycle", r =>
        {
            foreach (var stream in cluster.ResolveDataStreams(r.Route("name")))
            {
                stream.Lifecycle = null;
            }

            cluster.NotifyMetadataChanged();
            return r.AcknowledgedAsync();
        });
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

    /// <summary>Elasticsearch's choice between ILM and the data stream lifecycle: ILM wins when preferred or alone.</summary>
    private static string ManagedBy(DataStream stream, string? policy, bool preferIlm) =>
        policy is not null && (preferIlm || !stream.LifecycleEnabled) ? "Index Lifecycle Management"
        : stream.LifecycleEnabled ? "Data stream lifecycle"
        : "Unmanaged";

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

                entry["managed_by"] = ManagedBy(stream, policy, preferIlm);
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

        json["next_generation_managed_by"] = ManagedBy(stream, policy, preferIlm);
        if (stream.Lifecycle is not null)
        {
            json["lifecycle"] = stream.Lifecycle.DeepClone();
        }

        json["prefer_ilm"] = preferIlm;
        json["hidden"] = stream.Hidden;
        json["system"] = false;
        json["allow_custom_routing"] = false;
        json["replicated"] = false;
        json["rollover_on_write"] = false;
        var failures = new JsonArray();
        lock (cluster.MetadataLock)
        {
            foreach (var name in stream.FailureIndices)
            {
                failures.Add(new JsonObject { ["index_name"] = name, ["index_uuid"] = cluster.FindIndex(name)?.Uuid });
            }
        }

        json["failure_store"] = new JsonObject
        {
            ["enabled"] = stream.FailureStoreEnabled,
            ["rollover_on_write"] = false,
            ["indices"] = failures,
        };
        if (stream.Meta is not null)
        {
            json["_meta"] = stream.Meta.DeepClone();
        }

        return json;
    }
}
