using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Ilm;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary><c>POST /{alias-or-data-stream}/_rollover[/{new_index}]</c> with conditions and dry_run.</summary>
internal static class RolloverApi
{
    public static async Task RunAsync(EsRequest r, Cluster cluster, string? newIndex)
    {
        var target = r.Route("index");
        var body = await r.ReadObjectAsync();
        if (cluster.FindDataStream(target) is null && !cluster.IsAlias(target))
        {
            throw new EmulatorException(404, "resource_not_found_exception", $"rollover target [{target}] does not exist");
        }

        var (old, newName) = cluster.PlanRollover(target, newIndex);
        var (met, results) = RolloverConditions.Evaluate(body["conditions"] as JsonObject, old, cluster.NowMillis);
        var dryRun = r.Flag("dry_run");
        var rolled = met && !dryRun;
        if (rolled)
        {
            var created = new JsonObject();
            foreach (var key in new[] { "settings", "mappings", "aliases" })
            {
                if (body[key] is not null)
                {
                    created[key] = body[key]!.DeepClone();
                }
            }

            cluster.Rollover(target, old, newName, created.Count > 0 ? created : null);
        }

        var conditions = new JsonObject();
        foreach (var (label, value) in results)
        {
            conditions[label] = value;
        }

        await r.WriteNodeAsync(200, new JsonObject
        {
            ["acknowledged"] = rolled,
            ["shards_acknowledged"] = rolled,
            ["old_index"] = old.Name,
            ["new_index"] = newName,
            ["rolled_over"] = rolled,
            ["dry_run"] = dryRun,
            ["lazy"] = false,
            ["conditions"] = conditions,
        });
    }
}
