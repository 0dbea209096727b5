using System.Globalization;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Ilm;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary><c>_ilm</c>: policies (put/get/delete), explain, status/start/stop and remove.</summary>
internal static class IlmApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        var cluster = context.Cluster;
        router.Map("PUT", "/_ilm/policy/{name}", async r =>
        {
            var policy = await r.ReadObjectAsync();
            cluster.Policies.Put(r.Route("name"), policy, cluster.NowMillis);
            DeprecationWarnings.ForPolicy(r, policy);
            await r.AcknowledgedAsync();
        });
        router.Map("GET", "/_ilm/policy", r => Get(r, cluster, null));
        router.Map("GET", "/_ilm/policy/{name}", r => Get(r, cluster, r.Route("name")));
        router.Map("DELETE", "/_ilm/policy/{name}", r => Delete(r, cluster));
        router.Map("GET", "/{index}/_ilm/explain", r => IlmExplain.RunAsync(r, cluster));
        router.Map("GET", "/_ilm/status", r => r.WriteNodeAsync(200, new JsonObject { ["operation_mode"] = "RUNNING" }));
        router.Map("POST", "/_ilm/start", r => r.AcknowledgedAsync());
        router.Map("POST", "/_ilm/stop", r => r.AcknowledgedAsync());
        router.Map("POST", "/{index}/_ilm/remove", r =>
        {
            foreach (var index in cluster.Resolve(r.Route("index"), IndicesOptions.Strict))
            {
                index.Settings.Apply(new() { ["index.lifecycle.name"] = null });
            }

            return r.WriteNodeAsync(200, new JsonObject { ["has_failures"] = false, ["failed_indexes"] = new JsonArray() });
        });
    }

    private static Task Get(EsRequest r, Cluster cluster, string? names)
    {
        var selected = new List<IlmPolicy>();
        if (names is null || names is "*" or "_all")
        {
            selected.AddRange(cluster.Policies.All());
        }
        else
        {
            var parts = names.Split(',');
            if (parts.Length > 1 && parts.Any(p => p.Contains('*', StringComparison.Ordinal)))
            {
                throw EmulatorException.IllegalArgument("wildcard only supports a single value, please use comma-separated values or a single wildcard value");
            }

            foreach (var part in parts)
            {
                var matches = cluster.Policies.All().Where(p => Wildcard.Matches(part, p.Name)).ToList();
                if (matches.Count == 0 && !part.Contains('*', StringComparison.Ordinal))
                {
                    throw NotFound(part);
                }

                selected.AddRange(matches);
            }
        }

        var answer = new JsonObject();
        foreach (var policy in selected)
        {
            answer[policy.Name] = Describe(policy, cluster);
        }

        return r.WriteNodeAsync(200, answer);
    }

    private static JsonObject Describe(IlmPolicy policy, Cluster cluster)
    {
        var users = cluster.AllIndices.Where(i => i.Settings["index.lifecycle.name"] == policy.Name).ToList();
        return new JsonObject
        {
            ["version"] = policy.Version,
            ["modified_date"] = DateTimeOffset.FromUnixTimeMilliseconds(policy.ModifiedMillis).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["policy"] = policy.Policy.DeepClone(),
            ["in_use_by"] = new JsonObject
            {
                ["indices"] = new JsonArray([.. users.Select(i => (JsonNode)i.Name)]),
                ["data_streams"] = new JsonArray([.. users.Where(i => i.DataStream is not null).Select(i => i.DataStream!).Distinct().Select(d => (JsonNode)d)]),
                ["composable_templates"] = new JsonArray(),
            },
        };
    }

    private static Task Delete(EsRequest r, Cluster cluster)
    {
        var name = r.Route("name");
        if (cluster.Policies.Find(name) is null)
        {
            throw NotFound(name);
        }

        var users = cluster.AllIndices.Where(i => i.Settings["index.lifecycle.name"] == name).Select(i => i.Name).ToList();
        if (users.Count > 0)
        {
            throw EmulatorException.IllegalArgument($"Cannot delete policy [{name}]. It is in use by one or more indices: [{string.Join(", ", users)}]");
        }

        cluster.Policies.Remove(name);
        return r.AcknowledgedAsync();
    }

    private static EmulatorException NotFound(string name) =>
        new(404, "resource_not_found_exception", $"Lifecycle policy not found: [{name}]");
}
