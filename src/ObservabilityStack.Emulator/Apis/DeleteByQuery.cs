using System.Diagnostics;
using System.Text.Json;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Search;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary><c>_delete_by_query</c>: deletes what the query matches, counting version conflicts.</summary>
internal static class DeleteByQuery
{
    public static async Task RunAsync(EsRequest r, EmulatorContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var body = await SearchApi.ReadBodyAsync(r);
        JsonElement? query = null;
        var maxDocs = r.Long("max_docs") ?? long.MaxValue;
        if (body is { ValueKind: JsonValueKind.Object } b)
        {
            if (b.TryGetProperty("query", out var q))
            {
                query = q;
            }

            if (b.TryGetProperty("max_docs", out var m) && m.TryGetInt64(out var bodyMax))
            {
                maxDocs = bodyMax;
            }
        }

        var scrollSize = r.Long("scroll_size") ?? 1000;

        var options = IndicesOptions.From(r, new IndicesOptions(false, true, true, false));
        var indices = context.Cluster.Resolve(r.Route("index"), options);
        var shards = indices.Select(i => (ISearchShard)new IndexShard(i)).ToList();
        var matching = SearchEngine.Matching(query, shards, context.Clock);
        var proceed = r.Query("conflicts") == "proceed";
        var byName = indices.ToDictionary(i => i.Name, StringComparer.Ordinal);
        long deleted = 0, conflicts = 0;
        var failures = new List<(string Id, EmulatorException Error)>();
        var selected = matching.Take((int)Math.Min(maxDocs, int.MaxValue)).ToList();
        foreach (var doc in selected)
        {
            try
            {
                byName[doc.Index].Delete(doc.Id, new WriteOptions(false, doc.SeqNo, doc.PrimaryTerm));
                deleted++;
            }
            catch (EmulatorException e) when (e.Status == 409)
            {
                conflicts++;
                if (!proceed)
                {
                    failures.Add((doc.Id, e));
                    break;
                }
            }
        }

        WriteParameters.Complete(indices, r.Flag("refresh") ? RefreshPolicy.Immediate : RefreshPolicy.None);
        var status = failures.Count > 0 ? 409 : 200;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("took", SearchApi.Elapsed(started));
            w.WriteBoolean("timed_out", false);
            w.WriteNumber("total", selected.Count);
            w.WriteNumber("deleted", deleted);
            w.WriteNumber("batches", Math.Max(1, (selected.Count + scrollSize - 1) / Math.Max(1, scrollSize)));
            w.WriteNumber("version_conflicts", conflicts);
            w.WriteNumber("noops", 0);
            w.WriteStartObject("retries");
            w.WriteNumber("bulk", 0);
            w.WriteNumber("search", 0);
            w.WriteEndObject();
            w.WriteNumber("throttled_millis", 0);
            w.WriteNumber("requests_per_second", -1.0);
            w.WriteNumber("throttled_until_millis", 0);
            w.WriteStartArray("failures");
            foreach (var (id, failure) in failures)
            {
                w.WriteStartObject();
                w.WriteString("index", failure.Index);
                w.WriteString("id", id);
                w.WriteNumber("status", 409);
                w.WritePropertyName("cause");
                ErrorBody.WriteItemError(w, failure);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (r.Query("wait_for_completion") == "false")
        {
            var task = context.Tasks.Complete("indices:data/write/delete/byquery", (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(buffer.WrittenSpan)!);
            await r.WriteNodeAsync(200, new System.Text.Json.Nodes.JsonObject { ["task"] = task });
            return;
        }

        await r.WriteBytesAsync(status, buffer.WrittenMemory);
    }
}
