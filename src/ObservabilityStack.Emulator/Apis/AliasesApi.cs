using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;
using ObservabilityStack.Emulator.Templates;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>Aliases: get, put, delete, <c>_aliases</c> actions, and rollover of aliases and data streams.</summary>
internal static class AliasesApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        var cluster = context.Cluster;
        router.Map("GET,HEAD", "/_alias", r => Get(r, cluster, null, null));
        router.Map("GET,HEAD", "/_alias/{name}", r => Get(r, cluster, null, r.Route("name")));
        router.Map("GET,HEAD", "/{index}/_alias", r => Get(r, cluster, r.Route("index"), null));
        router.Map("GET,HEAD", "/{index}/_alias/{name}", r => Get(r, cluster, r.Route("index"), r.Route("name")));
        router.Map("PUT,POST", "/{index}/_alias/{name}", r => Put(r, cluster));
        router.Map("PUT,POST", "/{index}/_aliases/{name}", r => Put(r, cluster));
        router.Map("DELETE", "/{index}/_alias/{name}", r => Delete(r, cluster));
        router.Map("DELETE", "/{index}/_aliases/{name}", r => Delete(r, cluster));
        router.Map("POST", "/_aliases", r => Actions(r, cluster));
        router.Map("POST", "/{index}/_rollover", r => RolloverApi.RunAsync(r, cluster, null));
        router.Map("POST", "/{index}/_rollover/{new_index}", r => RolloverApi.RunAsync(r, cluster, r.Route("new_index")));
    }

    private static Task Get(EsRequest r, Cluster cluster, string? expression, string? name)
    {
        var indices = cluster.Resolve(expression, IndicesOptions.From(r, new IndicesOptions(false, true, true, expression is not null)));
        var patterns = name?.Split(',');
        var answer = new JsonObject();
        var found = false;
        foreach (var index in indices)
        {
            var aliases = new JsonObject();
            foreach (var (alias, definition) in index.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (patterns is null || patterns.Any(p => p is "_all" or "*" || Wildcard.Matches(p, alias)))
                {
                    aliases[alias] = definition.DeepClone();
                    found = true;
                }
            }

            if (patterns is null || aliases.Count > 0)
            {
                answer[index.Name] = new JsonObject { ["aliases"] = aliases };
            }
        }

        if (patterns is not null && !found)
        {
            if (r.Method == "HEAD")
            {
                return r.StatusOnlyAsync(404);
            }

            return r.WriteNodeAsync(404, new JsonObject { ["error"] = $"alias [{name}] missing", ["status"] = 404 });
        }

        return r.Method == "HEAD" ? r.StatusOnlyAsync(200) : r.WriteNodeAsync(200, answer);
    }

    private static async Task Put(EsRequest r, Cluster cluster)
    {
        var body = await r.ReadObjectAsync();
        var indices = cluster.Resolve(r.Route("index"), IndicesOptions.Strict);
        lock (cluster.MetadataLock)
        {
            foreach (var index in indices)
            {
                index.Aliases[r.Route("name")] = TemplateBodies.NormalizeAlias(body);
            }
        }

        cluster.NotifyMetadataChanged();
        await r.AcknowledgedAsync();
    }

    private static Task Delete(EsRequest r, Cluster cluster)
    {
        var indices = cluster.Resolve(r.Route("index"), IndicesOptions.Strict);
        var patterns = r.Route("name").Split(',');
        var removed = 0;
        lock (cluster.MetadataLock)
        {
            foreach (var index in indices)
            {
                foreach (var alias in index.Aliases.Keys.Where(a => patterns.Any(p => p is "_all" or "*" || Wildcard.Matches(p, a))).ToList())
                {
                    index.Aliases.Remove(alias);
                    removed++;
                }
            }
        }

        if (removed == 0)
        {
            throw new EmulatorException(404, "aliases_not_found_exception", $"aliases [{r.Route("name")}] missing")
            {
                Metadata = [new("resource.type", "aliases"), new("resource.id", r.Route("name"))],
            };
        }

        cluster.NotifyMetadataChanged();
        return r.AcknowledgedAsync();
    }

    private static async Task Actions(EsRequest r, Cluster cluster)
    {
        var body = await r.ReadObjectAsync();
        if (body["actions"] is not JsonArray actions)
        {
            throw new EmulatorException(400, "action_request_validation_exception", "Validation Failed: 1: no actions specified;");
        }

        lock (cluster.MetadataLock)
        {
            foreach (var entry in actions.OfType<JsonObject>())
            {
                var (kind, node) = entry.First();
                var spec = node as JsonObject ?? [];
                var indexExpr = spec["index"]?.ToString() ?? string.Join(",", (spec["indices"] as JsonArray ?? []).Select(x => x!.ToString()));
                var aliasNames = spec["alias"] is { } a ? [a.ToString()] : (spec["aliases"] as JsonArray ?? []).Select(x => x!.ToString()).ToList();
                var indices = cluster.Resolve(indexExpr, IndicesOptions.Strict);
                foreach (var index in indices)
                {
                    foreach (var alias in aliasNames)
                    {
                        switch (kind)
                        {
                            case "add":
                                var definition = (JsonObject)spec.DeepClone();
                                foreach (var key in new[] { "index", "indices", "alias", "aliases" })
                                {
                                    definition.Remove(key);
                                }

                                index.Aliases[alias] = TemplateBodies.NormalizeAlias(definition);
                                break;
                            case "remove":
                                index.Aliases.Remove(alias);
                                break;
                            default:
                                throw EmulatorException.IllegalArgument($"unsupported alias action [{kind}]");
                        }
                    }

                    if (kind == "remove_index")
                    {
                        cluster.DeleteIndices([index]);
                    }
                }
            }
        }

        cluster.NotifyMetadataChanged();
        await r.WriteNodeAsync(200, new JsonObject { ["acknowledged"] = true, ["errors"] = false });
    }
}
