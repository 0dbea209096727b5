using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>Create, delete, exists, get, mappings, settings and refresh of indices.</summary>
internal static class IndicesApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        var cluster = context.Cluster;
        router.Map("PUT", "/{index}", r => Create(r, cluster));
        router.Map("DELETE", "/{index}", r => Delete(r, cluster));
        router.Map("HEAD", "/{index}", r => Exists(r, cluster));
        router.Map("GET", "/{index}", r => Get(r, cluster));
        router.Map("GET", "/_mapping", r => GetMapping(r, cluster, null));
        router.Map("GET", "/{index}/_mapping", r => GetMapping(r, cluster, r.Route("index")));
        router.Map("PUT,POST", "/{index}/_mapping", r => PutMapping(r, cluster));
        router.Map("GET,POST", "/_refresh", r => Refresh(r, cluster, null));
        router.Map("GET,POST", "/{index}/_refresh", r => Refresh(r, cluster, r.Route("index")));
        router.Map("GET", "/_settings", r => GetSettings(r, cluster, null, null));
        router.Map("GET", "/{index}/_settings", r => GetSettings(r, cluster, r.Route("index"), null));
        router.Map("GET", "/{index}/_settings/{name}", r => GetSettings(r, cluster, r.Route("index"), r.Route("name")));
        router.Map("GET", "/_settings/{name}", r => GetSettings(r, cluster, null, r.Route("name")));
        router.Map("PUT", "/_settings", r => PutSettings(r, cluster, null));
        router.Map("PUT", "/{index}/_settings", r => PutSettings(r, cluster, r.Route("index")));
    }

    private static async Task Create(EsRequest r, Cluster cluster)
    {
        var body = await r.ReadObjectAsync();
        IndexModeCheck.Validate(body);
        var name = cluster.CreateIndex(r.Route("index"), body, explicitCreate: true).Name;
        await r.WriteNodeAsync(200, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = name });
    }

    private static Task Delete(EsRequest r, Cluster cluster)
    {
        var expression = r.Route("index");
        var options = IndicesOptions.From(r, new IndicesOptions(false, true, true, false));
        foreach (var part in expression.Split(','))
        {
            if (cluster.FindDataStream(part) is not null)
            {
                // Elasticsearch does not resolve data stream names in the delete index API.
                throw EmulatorException.IndexNotFound(part);
            }

            if (!part.Contains('*', StringComparison.Ordinal) && part != "_all" && cluster.FindIndex(part) is null && cluster.IsAlias(part))
            {
                throw EmulatorException.IllegalArgument(
                    $"The provided expression [{part}] matches an alias, specify the corresponding concrete indices instead.");
            }
        }

        var indices = cluster.Resolve(expression, options);
        cluster.DeleteIndices(indices);
        return r.AcknowledgedAsync();
    }

    private static Task Exists(EsRequest r, Cluster cluster)
    {
        var options = IndicesOptions.From(r, new IndicesOptions(false, false, true, false));
        try
        {
            var found = cluster.Resolve(r.Route("index"), options);
            return r.StatusOnlyAsync(found.Count > 0 ? 200 : 404);
        }
        catch (EmulatorException e) when (e.Status == 404)
        {
            return r.StatusOnlyAsync(404);
        }
    }

    private static Task Get(EsRequest r, Cluster cluster)
    {
        var indices = cluster.Resolve(r.Route("index"), IndicesOptions.From(r, new IndicesOptions(false, true, true, false)));
        var flat = r.Flag("flat_settings");
        var answer = new JsonObject();
        foreach (var index in indices)
        {
            var entry = new JsonObject
            {
                ["aliases"] = AliasesJson(index),
                ["mappings"] = index.WithLock(index.Mappings.ToJson),
                ["settings"] = index.Settings.ToJson(flat),
            };
            if (index.DataStream is not null)
            {
                entry["data_stream"] = index.DataStream;
            }

            answer[index.Name] = entry;
        }

        return r.WriteNodeAsync(200, answer);
    }

    public static JsonObject AliasesJson(EsIndex index)
    {
        var aliases = new JsonObject();
        foreach (var (name, definition) in index.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            aliases[name] = definition.DeepClone();
        }

        return aliases;
    }

    private static Task GetMapping(EsRequest r, Cluster cluster, string? expression)
    {
        var indices = cluster.Resolve(expression, IndicesOptions.From(r, new IndicesOptions(false, true, true, false)));
        var answer = new JsonObject();
        foreach (var index in indices)
        {
            answer[index.Name] = new JsonObject { ["mappings"] = index.WithLock(index.Mappings.ToJson) };
        }

        return r.WriteNodeAsync(200, answer);
    }

    private static async Task PutMapping(EsRequest r, Cluster cluster)
    {
        var body = await r.ReadObjectAsync();
        var indices = cluster.Resolve(r.Route("index"), IndicesOptions.From(r, new IndicesOptions(false, true, true, false)));
        foreach (var index in indices)
        {
            index.WithLock(() =>
            {
                // Validate on a copy first so a rejected update leaves the mapping untouched.
                var trial = new Mapping.IndexMappings();
                trial.Merge(index.Mappings.ToJson(), allowTypeChange: true);
                trial.Merge((JsonObject)body.DeepClone());
                index.Mappings.Merge((JsonObject)body.DeepClone());
                return true;
            });
        }

        cluster.NotifyMetadataChanged();
        await r.AcknowledgedAsync();
    }

    private static Task Refresh(EsRequest r, Cluster cluster, string? expression)
    {
        var indices = cluster.Resolve(expression, IndicesOptions.From(r, IndicesOptions.Lenient));
        var shards = 0;
        var total = 0;
        foreach (var index in indices)
        {
            index.Refresh();
            var n = int.TryParse(index.Settings["index.number_of_shards"], out var s) ? s : 1;
            shards += n;
            total += n * (1 + index.Replicas);
        }

        return r.WriteNodeAsync(200, new JsonObject
        {
            ["_shards"] = new JsonObject { ["total"] = total, ["successful"] = shards, ["failed"] = 0 },
        });
    }

    private static Task GetSettings(EsRequest r, Cluster cluster, string? expression, string? name)
    {
        var indices = cluster.Resolve(expression, IndicesOptions.From(r, new IndicesOptions(false, true, true, false)));
        var flat = r.Flag("flat_settings");
        var answer = new JsonObject();
        foreach (var index in indices)
        {
            var settings = index.Settings.Copy();
            if (name is not null)
            {
                var patterns = name.Split(',');
                settings = settings.Where(s => patterns.Any(p => Wildcard.Matches(p, s.Key) || Wildcard.Matches("index." + p, s.Key)))
                    .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
            }

            var view = new IndexSettings();
            view.Apply(settings.ToDictionary(s => s.Key, s => (string?)s.Value, StringComparer.Ordinal));
            answer[index.Name] = new JsonObject { ["settings"] = view.ToJson(flat) };
        }

        return r.WriteNodeAsync(200, answer);
    }

    private static async Task PutSettings(EsRequest r, Cluster cluster, string? expression)
    {
        var body = await r.ReadObjectAsync();
        var flat = IndexSettings.Flatten(body);
        foreach (var key in flat.Keys)
        {
            if (key is "index.number_of_shards" or "index.uuid" or "index.creation_date" or "index.provided_name")
            {
                throw EmulatorException.IllegalArgument($"final {key[..key.IndexOf('.', StringComparison.Ordinal)]} setting [{key}], not updateable");
            }
        }

        foreach (var index in cluster.Resolve(expression, IndicesOptions.From(r, IndicesOptions.Lenient)))
        {
            index.Settings.Apply(flat);
        }

        cluster.NotifyMetadataChanged();
        await r.AcknowledgedAsync();
    }
}
