using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>Elasticsearch's <c>Warning: 299 ...</c> deprecation headers, for the deprecated settings we accept.</summary>
internal static class DeprecationWarnings
{
    /// <summary>Warns about <c>max_size</c> in a policy's rollover actions (replaced by <c>max_primary_shard_size</c>).</summary>
    public static void ForPolicy(EsRequest r, JsonObject body)
    {
        foreach (var (phase, definition) in body["policy"]?["phases"] as JsonObject ?? [])
        {
            if (definition?["actions"]?["rollover"]?["max_size"] is not null)
            {
                Add(r, $"Use of the [max_size] rollover condition found in phase [{phase}]. This condition has been deprecated in favour of " +
                    "the [max_primary_shard_size] condition and will be removed in a later version");
            }
        }
    }

    private static void Add(EsRequest r, string message) =>
        r.Http.Response.Headers.Append("Warning", $"299 Elasticsearch-{ClusterApi.VersionNumber} \"{message}\"");
}
