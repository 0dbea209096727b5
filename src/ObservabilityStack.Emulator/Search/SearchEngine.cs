using System.Buffers;
using System.Text.Json;
using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search;

/// <summary>
/// Entry points the emulator's HTTP layer calls for <c>_search</c>, <c>_count</c> and
/// <c>_delete_by_query</c>. Owned by the search side of the seam (see SearchContracts.cs).
/// </summary>
public static class SearchEngine
{
    /// <summary>
    /// Runs a search request body (query, aggs, sort, from/size, _source, search_after, track_total_hits)
    /// over the shards and writes Elasticsearch's search response object to <paramref name="writer"/>.
    /// Throws <see cref="EmulatorException"/> for bad requests; nothing is written to <paramref name="writer"/> then.
    /// </summary>
    public static void Search(JsonElement? body, IReadOnlyDictionary<string, string> queryParameters,
        IReadOnlyList<ISearchShard> shards, TimeProvider clock, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(queryParameters);
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(writer);
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var queries = new QueryParser(now, shards);
        var request = Guard(() => SearchRequestParser.Parse(body, queryParameters, queries, now, shards));

        // Render into a private buffer first so a failure half-way never leaves a partial object in the caller's writer.
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var inner = new Utf8JsonWriter(buffer))
        {
            Guard(() =>
            {
                new SearchExecutor(request, shards, queries).Run(inner, started, clock);
                return 0;
            });
        }

        writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
    }

    /// <summary>Counts documents matching the body's <c>query</c> (match_all when absent).</summary>
    public static long Count(JsonElement? body, IReadOnlyDictionary<string, string> queryParameters,
        IReadOnlyList<ISearchShard> shards, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(queryParameters);
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return Guard(() =>
        {
            if (queryParameters.TryGetValue("terminate_after", out var t) && (!int.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var limit) || limit <= 0))
            {
                throw EmulatorException.IllegalArgument("terminateAfter must be > 0");
            }

            JsonElement? query = null;
            if (body is { ValueKind: JsonValueKind.Object } element)
            {
                foreach (var property in element.EnumerateObject())
                {
                    query = property.Name == "query" ? property.Value
                        : throw EmulatorException.Parsing($"request does not support [{property.Name}]");
                }
            }

            var compiled = SearchRequestParser.QueryFromParameters(queryParameters, now) ?? new QueryParser(now, shards).Parse(query);
            long count = 0;
            Scan(compiled, shards, _ => count++);
            return count;
        });
    }

    /// <summary>The documents matching a <c>query</c> object (for delete_by_query).</summary>
    public static IReadOnlyList<SearchDocument> Matching(JsonElement? query, IReadOnlyList<ISearchShard> shards,
        TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return Guard(() =>
        {
            var compiled = new QueryParser(now, shards).Parse(query);
            var result = new List<SearchDocument>();
            Scan(compiled, shards, result.Add);
            return result;
        });
    }

    private static void Scan(Query query, IReadOnlyList<ISearchShard> shards, Action<SearchDocument> onMatch)
    {
        long? from = null, to = null;
        query.NarrowTimestamp(ref from, ref to);
        if (from > to)
        {
            return;
        }

        var doc = new DocContext();
        for (var s = 0; s < shards.Count; s++)
        {
            doc.Shard = shards[s];
            doc.ShardIndex = s;
            Blocks.BlockScan.Run(doc, query, from, to, (match, _) =>
            {
                onMatch(match.Doc);
                return true;
            });
        }
    }

    // Malformed values inside an otherwise valid body (a string where a number belongs...) surface from
    // System.Text.Json as InvalidOperationException/FormatException; they are the caller's fault, so answer 400.
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (InvalidOperationException e)
        {
            throw EmulatorException.Parsing($"failed to parse request: {e.Message}");
        }
        catch (FormatException e)
        {
            throw EmulatorException.Parsing($"failed to parse request: {e.Message}");
        }
        catch (KeyNotFoundException e)
        {
            throw EmulatorException.Parsing($"failed to parse request: {e.Message}");
        }
    }
}
