using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary><c>_stats</c> (docs, store and zeroed caches) and <c>_close</c>/<c>_open</c> (acknowledged, indices stay readable).</summary>
internal static class StatsApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        var cluster = context.Cluster;
        router.Map("GET", "/_stats", r => Stats(r, cluster, null));
        router.Map("GET", "/_stats/{metric}", r => Stats(r, cluster, null));
        router.Map("GET", "/{index}/_stats", r => Stats(r, cluster, r.Route("index")));
        router.Map("GET", "/{index}/_stats/{metric}", r => Stats(r, cluster, r.Route("index")));
        router.Map("POST", "/{index}/_close", r => Close(r, cluster, "closed"));
        router.Map("POST", "/{index}/_open", r => Close(r, cluster, null));
    }

    private static Task Stats(EsRequest r, Cluster cluster, string? expression)
    {
        var indices = cluster.Resolve(expression, IndicesOptions.From(r, IndicesOptions.Lenient));
        var perIndex = new JsonObject();
        long docs = 0, size = 0, hits = 0, misses = 0;
        foreach (var index in indices)
        {
            var table = index.Table;
            docs += table.Count;
            size += table.SizeInBytes;
            perIndex[index.Name] = new JsonObject
            {
                ["uuid"] = index.Uuid,
                ["health"] = "green",
                ["status"] = "open",
                ["primaries"] = Block(table.Count, table.SizeInBytes, index),
                ["total"] = Block(table.Count, table.SizeInBytes, index),
            };
            hits += Interlocked.Read(ref index.RequestCacheHits);
            misses += Interlocked.Read(ref index.RequestCacheMisses);
        }

        return r.WriteNodeAsync(200, new JsonObject
        {
            ["_shards"] = new JsonObject { ["total"] = indices.Count, ["successful"] = indices.Count, ["failed"] = 0 },
            ["_all"] = new JsonObject { ["primaries"] = Block(docs, size, null, hits, misses), ["total"] = Block(docs, size, null, hits, misses) },
            ["indices"] = perIndex,
        });
    }

    private static JsonObject Block(long docs, long size, EsIndex? index, long hits = 0, long misses = 0) => new()
    {
        ["docs"] = new JsonObject { ["count"] = docs, ["deleted"] = 0 },
        ["store"] = new JsonObject { ["size_in_bytes"] = size, ["total_data_set_size_in_bytes"] = size, ["reserved_in_bytes"] = 0 },
        ["indexing"] = new JsonObject { ["index_total"] = docs },
        ["fielddata"] = new JsonObject { ["memory_size_in_bytes"] = 0, ["evictions"] = 0 },
        ["query_cache"] = new JsonObject { ["memory_size_in_bytes"] = 0, ["hit_count"] = 0, ["miss_count"] = 0, ["evictions"] = 0 },
        ["request_cache"] = new JsonObject
        {
            ["memory_size_in_bytes"] = 0,
            ["evictions"] = 0,
            ["hit_count"] = index is null ? hits : Interlocked.Read(ref index.RequestCacheHits),
            ["miss_count"] = index is null ? misses : Interlocked.Read(ref index.RequestCacheMisses),
        },
    };

    private static Task Close(EsRequest r, Cluster cluster, string? state)
    {
        // Data streams are not closed through index patterns, as in Elasticsearch.
        var indices = cluster.Resolve(r.Route("index"), IndicesOptions.From(r, IndicesOptions.Lenient))
            .Where(i => i.DataStream is null).ToList();
        var answer = new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true };
        foreach (var index in indices)
        {
            index.Closed = state is not null;
        }

        if (state is not null)
        {
            var closed = new JsonObject();
            foreach (var index in indices)
            {
                closed[index.Name] = new JsonObject { ["closed"] = true };
            }

            answer["indices"] = closed;
        }

        return r.WriteNodeAsync(200, answer);
    }
}
