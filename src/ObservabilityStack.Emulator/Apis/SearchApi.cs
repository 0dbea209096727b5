using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Search;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary><c>_search</c>, <c>_count</c> and <c>_msearch</c>: resolve indices to shards and hand over to <see cref="SearchEngine"/>.</summary>
internal static class SearchApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        // With security on, the gate may put a narrowed index expression in the route values, also for /_search.
        router.Map("GET,POST", "/_search", r => Search(r, context, r.RouteOrNull("index")));
        router.Map("GET,POST", "/{index}/_search", r => Search(r, context, r.Route("index")));
        router.Map("GET,POST", "/_count", r => Count(r, context, r.RouteOrNull("index")));
        router.Map("GET,POST", "/{index}/_count", r => Count(r, context, r.Route("index")));
        router.Map("GET,POST", "/_msearch", r => MultiSearch.RunAsync(r, context, null));
        router.Map("GET,POST", "/{index}/_msearch", r => MultiSearch.RunAsync(r, context, r.Route("index")));
        router.Map("POST", "/{index}/_delete_by_query", r => DeleteByQuery.RunAsync(r, context));
    }

    public static List<ISearchShard> Shards(Cluster cluster, string? expression, IndicesOptions options) =>
        cluster.Resolve(expression, options).Select(i => (ISearchShard)new IndexShard(i)).ToList();

    /// <summary>Checks request parameters Elasticsearch validates before it resolves indices.</summary>
    private static void Validate(EsRequest r)
    {
        if (r.Long("terminate_after") is < 0)
        {
            throw EmulatorException.IllegalArgument("terminateAfter must be > 0");
        }
    }

    public static IndicesOptions SearchDefaults { get; } = new(false, true, true, false);

    private static async Task Search(EsRequest r, EmulatorContext context, string? expression)
    {
        Validate(r);
        var bytes = await r.ReadBytesAsync();
        var body = ParseBody(bytes);
        var indices = context.Cluster.Resolve(expression, IndicesOptions.From(r, SearchDefaults));
        var shardList = indices.Select(i => new IndexShard(i)).ToList();
        var shards = shardList.Cast<ISearchShard>().ToList();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        string? key = null;
        var tables = shardList.Select(s => s.Table).ToArray();
        if (RequestCache.Applies(text, r.QueryParameters))
        {
            key = RequestCache.Key(indices, text, r.QueryParameters);
            if (context.RequestCache.TryGet(key, indices, tables) is { } cached)
            {
                await r.WriteBytesAsync(200, cached);
                return;
            }
        }

        var buffer = Run(body, r.QueryParameters, shards, context.Clock);
        if (key is not null)
        {
            context.RequestCache.Put(key, tables, buffer.WrittenSpan.ToArray());
        }

        await r.WriteBytesAsync(200, buffer.WrittenMemory);
    }

    /// <summary>Runs one search into a buffer, so a failure never leaves half an answer on the wire.</summary>
    public static ArrayBufferWriter<byte> Run(JsonElement? body, IReadOnlyDictionary<string, string> parameters,
        IReadOnlyList<ISearchShard> shards, TimeProvider clock)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer);
        SearchEngine.Search(body, parameters, shards, clock, writer);
        writer.Flush();
        return buffer;
    }

    private static async Task Count(EsRequest r, EmulatorContext context, string? expression)
    {
        Validate(r);
        var body = await ReadBodyAsync(r);
        var shards = Shards(context.Cluster, expression, IndicesOptions.From(r, SearchDefaults));
        var count = SearchEngine.Count(body, r.QueryParameters, shards, context.Clock);
        await r.WriteAsync(200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", count);
            w.WriteStartObject("_shards");
            w.WriteNumber("total", shards.Count);
            w.WriteNumber("successful", shards.Count);
            w.WriteNumber("skipped", 0);
            w.WriteNumber("failed", 0);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    public static async Task<JsonElement?> ReadBodyAsync(EsRequest r)
    {
        var bytes = await r.ReadBytesAsync();
        return ParseBody(bytes);
    }

    public static JsonElement? ParseBody(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(bytes);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw EmulatorException.Parsing($"[1:{e.BytePositionInLine ?? 0}] {e.Message}");
        }
    }

    public static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
