using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>
/// <c>GET /_capabilities?method=&amp;path=&amp;capabilities=&amp;parameters=</c>: whether a route exists and has every
/// named capability. Only behaviour the emulator really implements is claimed here.
/// </summary>
internal static class CapabilitiesApi
{
    private static readonly Dictionary<string, string[]> Claims = new(StringComparer.Ordinal)
    {
        ["GET /_cluster/health"] = ["unassigned_pri_shard_count"],
        ["PUT /{index}"] = ["lookup_index_mode"],
        ["POST /{index}/_rollover"] = ["return-404-on-missing-target"],
        ["PUT /_ilm/policy/{name}"] = ["max_size_deprecation"],
        ["PUT /_index_template/{name}"] = ["failure_store_in_template"],
        ["POST /_index_template/{name}"] = ["failure_store_in_template"],
    };

    public static void Map(EsRouter router)
    {
        router.Map("GET", "/_capabilities", r =>
        {
            var method = (r.Query("method") ?? "GET").ToUpperInvariant();
            var path = r.Query("path") ?? throw EmulatorException.IllegalArgument("[path] is required");
            var wanted = Split(r.Query("capabilities"));
            var match = router.Match(method, path);
            var claimed = match.Template is { } template ? Claims.GetValueOrDefault($"{method} {template}") ?? [] : null;

            // Parameters are not tracked per route, so a question about them is answered "not supported".
            var supported = claimed is not null && wanted.All(claimed.Contains) && Split(r.Query("parameters")).Length == 0;
            return r.WriteNodeAsync(200, new JsonObject { ["supported"] = supported });
        });
    }

    private static string[] Split(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
