using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;

namespace ObservabilityStack.Emulator.Ingest;

/// <summary><c>_ingest/pipeline</c>: put, get, delete and simulate.</summary>
internal static class IngestApi
{
    public static void Map(EsRouter router, IngestService ingest, TimeProvider clock)
    {
        var store = ingest.Store;
        router.Map("PUT", "/_ingest/pipeline/{id}", async r =>
        {
            store.Put(Pipeline.Parse(r.Route("id"), await r.ReadObjectAsync()));
            await r.AcknowledgedAsync();
        });
        router.Map("GET", "/_ingest/pipeline", r => r.WriteNodeAsync(200, Describe(store.All())));
        router.Map("GET", "/_ingest/pipeline/{id}", r =>
        {
            var ids = r.Route("id").Split(',');
            var found = store.All().Where(p => ids.Any(id => Storage.Wildcard.Matches(id, p.Id))).ToList();
            return r.WriteNodeAsync(found.Count == 0 ? 404 : 200, Describe(found));
        });
        router.Map("DELETE", "/_ingest/pipeline/{id}", r =>
        {
            var id = r.Route("id");
            return store.Delete(id)
                ? r.AcknowledgedAsync()
                : throw new EmulatorException(404, "resource_not_found_exception", $"pipeline [{id}] is missing");
        });
        router.Map("GET,POST", "/_ingest/pipeline/_simulate", async r => await SimulateAsync(r, store, null, clock));
        router.Map("GET,POST", "/_ingest/pipeline/{id}/_simulate", async r =>
            await SimulateAsync(r, store, store.Find(r.Route("id"))
                ?? throw EmulatorException.IllegalArgument($"pipeline [{r.Route("id")}] does not exist"), clock));
    }

    private static JsonObject Describe(IEnumerable<Pipeline> pipelines)
    {
        var answer = new JsonObject();
        foreach (var pipeline in pipelines)
        {
            answer[pipeline.Id] = pipeline.Body.DeepClone();
        }

        return answer;
    }

    private static async Task SimulateAsync(EsRequest r, PipelineStore store, Pipeline? pipeline, TimeProvider clock)
    {
        var body = await r.ReadObjectAsync();
        pipeline ??= Pipeline.Parse("_simulate_pipeline", body["pipeline"] as JsonObject
            ?? throw new EmulatorException(400, "parse_exception", "[pipeline] required property is missing"));
        var results = new JsonArray();
        foreach (var entry in body["docs"] as JsonArray ?? throw new EmulatorException(400, "parse_exception", "[docs] required property is missing"))
        {
            var source = entry?["_source"] as JsonObject ?? throw new EmulatorException(400, "parse_exception", "[_source] required property is missing");
            var doc = new IngestDocument((JsonObject)source.DeepClone(), entry!["_index"]?.ToString() ?? "_index", entry["_id"]?.ToString() ?? "_id",
                clock.GetUtcNow());
            try
            {
                pipeline.Execute(doc, new IngestRun(store));
                results.Add(new JsonObject
                {
                    ["doc"] = new JsonObject
                    {
                        ["_index"] = doc.Index,
                        ["_id"] = doc.Id,
                        ["_version"] = "-3",
                        ["_source"] = doc.Source.DeepClone(),
                        ["_ingest"] = new JsonObject { ["timestamp"] = doc.Get("_ingest.timestamp")?.DeepClone() },
                    },
                });
            }
            catch (EmulatorException e)
            {
                results.Add(new JsonObject
                {
                    ["error"] = new JsonObject { ["root_cause"] = new JsonArray(Error(e)), ["type"] = e.Type, ["reason"] = e.Message },
                });
            }
        }

        await r.WriteNodeAsync(200, new JsonObject { ["docs"] = results });
    }

    private static JsonObject Error(EmulatorException e) => new() { ["type"] = e.Type, ["reason"] = e.Message };
}
