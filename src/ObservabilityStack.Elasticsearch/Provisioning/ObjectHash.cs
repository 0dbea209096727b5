using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// Marks what we PUT with a hash of its content (in <c>_meta</c> or <c>metadata</c>), so the next run
/// can tell "unchanged" exactly, even though Elasticsearch normalises bodies (numbers to strings,
/// defaults added) and a structural comparison would see spurious differences.
/// </summary>
internal static class ObjectHash
{
    /// <summary>Property under the metadata object holding the hash.</summary>
    public const string Property = "obs_hash";

    /// <summary>Computes the hash of <paramref name="body"/> and stores it under <paramref name="metaPath"/>; returns the hash.</summary>
    public static string Stamp(JsonObject body, params string[] metaPath)
    {
        var hash = Compute(body);
        var target = body;
        foreach (var segment in metaPath)
        {
            if (target[segment] is not JsonObject next)
            {
                next = new JsonObject();
                target[segment] = next;
            }

            target = next;
        }

        target[Property] = hash;
        return hash;
    }

    /// <summary>Reads the hash stored under <paramref name="metaPath"/> in an object read back from the cluster.</summary>
    public static string? Read(JsonNode? node, params string[] metaPath)
    {
        foreach (var segment in metaPath)
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node is JsonObject meta && meta[Property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static string Compute(JsonNode body)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString()));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 12));
    }
}
