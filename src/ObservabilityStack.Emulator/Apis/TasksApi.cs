using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>
/// Tasks for <c>wait_for_completion=false</c>: the emulator finishes the work before answering, then keeps
/// the result so <c>GET /_tasks/{id}</c> can return it like Elasticsearch's persisted task results.
/// </summary>
internal sealed class TasksApi
{
    private readonly ConcurrentDictionary<string, JsonObject> _results = new(StringComparer.Ordinal);
    private long _next;

    public string Complete(string action, JsonObject response)
    {
        var id = $"obs-emulator:{Interlocked.Increment(ref _next)}";
        _results[id] = new JsonObject
        {
            ["completed"] = true,
            ["task"] = new JsonObject
            {
                ["node"] = "obs-emulator",
                ["id"] = _next,
                ["type"] = "transport",
                ["action"] = action,
                ["cancellable"] = true,
                ["cancelled"] = false,
            },
            ["response"] = response,
        };
        return id;
    }

    public void Map(EsRouter router) => router.Map("GET", "/_tasks/{id}", r =>
        _results.TryGetValue(r.Route("id"), out var result)
            ? r.WriteNodeAsync(200, result.DeepClone())
            : throw new EmulatorException(404, "resource_not_found_exception", $"task [{r.Route("id")}] isn't running and hasn't stored its results"));
}
