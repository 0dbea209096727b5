using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>The emulator's own endpoints: fault injection, forcing an ILM pass, and its search columns' state.</summary>
internal static class EmulatorApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        router.Map("POST", "/_emulator/faults", async r =>
        {
            context.Faults.Add(await r.ReadObjectAsync());
            await r.AcknowledgedAsync();
        });
        router.Map("DELETE", "/_emulator/faults", r =>
        {
            context.Faults.Clear();
            return r.AcknowledgedAsync();
        });
        router.Map("GET", "/_emulator/faults", r => r.WriteNodeAsync(200, context.Faults.Describe()));
        router.Map("GET", "/_emulator/stats", r => r.WriteNodeAsync(200, Stats(context)));
        router.Map("POST", "/_emulator/ilm/run", r =>
        {
            context.RunIlm?.Invoke();
            return r.AcknowledgedAsync();
        });
    }

    /// <summary>
    /// Whether columns are warmed after ingest, and how many of the refreshed runs already have them: the figure to
    /// read when the first searches over fresh data are slow.
    /// </summary>
    private static JsonObject Stats(EmulatorContext context)
    {
        long documents = 0, runs = 0, warmed = 0;
        foreach (var index in ColumnWarmer.IndicesOf(context.Cluster)())
        {
            var table = index.Table;
            documents += table.Count;
            foreach (var run in table.Runs)
            {
                runs++;
                warmed += run.Columns.Warmed ? 1 : 0;
            }
        }

        return new JsonObject
        {
            ["warm_columns"] = context.Options.WarmColumns,
            ["documents"] = documents,
            ["runs"] = runs,
            ["warmed_runs"] = warmed,
        };
    }
}
