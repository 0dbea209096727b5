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
        if (body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("query", out var q))
        {
            query = q;
        }

        var options = IndicesOptions.From(r, new IndicesOptions(false, true, true, false));
        var indices = context.Cluster.Resolve(r.Route("index"), options);
        var shards = indices.Select(i => (ISearchShard)new IndexShard(i)).ToList();
        var matching = SearchEngine.Matching(query, shards, context.Clock);
        var proceed = r.Query("conflicts") == "proceed";
        var byName = indices.ToDictionary(i => i.Name, StringComparer.Ordinal);
        long deleted = 0, conflicts = 0;
        var failures = new List<EmulatorException>();
        foreach (var doc in matching)
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
                    failures.Add(e);
                    break;
                }
            }
        }

        WriteParameters.Complete(indices, r.Flag("refresh") ? RefreshPolicy.Immediate : RefreshPolicy.None);
        await r.WriteAsync(failures.Count > 0 ? 409 : 200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("took", SearchApi.Elapsed(started));
            w.WriteBoolean("timed_out", false);
            w.WriteNumber("total", matching.Count);
            w.WriteNumber("deleted", deleted);
            w.WriteNumber("batches", matching.Count == 0 ? 0 : 1);
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
            foreach (var failure in failures)
            {
                w.WriteStartObject();
                w.WriteString("index", failure.Index);
                w.WriteNumber("status", 409);
                w.WritePropertyName("cause");
                ErrorBody.WriteItemError(w, failure);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
