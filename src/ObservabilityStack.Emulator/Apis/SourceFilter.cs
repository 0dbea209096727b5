using System.Text;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>The GET API's <c>_source</c>, <c>_source_includes</c> and <c>_source_excludes</c> parameters.</summary>
internal static class SourceFilter
{
    public static ReadOnlyMemory<byte> Apply(ReadOnlyMemory<byte> source, EsRequest r)
    {
        var flag = r.Query("_source");
        if (flag is "false")
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var includes = r.Query("_source_includes") ?? (flag is null or "true" or "" ? null : flag);
        var excludes = r.Query("_source_excludes");
        if (includes is null && excludes is null)
        {
            return source;
        }

        var node = JsonNode.Parse(source.Span) as JsonObject ?? [];
        var filtered = Filter(node, "", includes?.Split(','), excludes?.Split(','));
        return Encoding.UTF8.GetBytes(filtered.ToJsonString());
    }

    private static JsonObject Filter(JsonObject node, string prefix, string[]? includes, string[]? excludes)
    {
        var result = new JsonObject();
        foreach (var (key, value) in node)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (excludes is not null && excludes.Any(e => Wildcard.Matches(e, path)))
            {
                continue;
            }

            var included = includes is null || includes.Any(i => Wildcard.Matches(i, path) || i.StartsWith(path + ".", StringComparison.Ordinal));
            if (!included)
            {
                continue;
            }

            var fullyIncluded = includes is null || includes.Any(i => Wildcard.Matches(i, path));
            result[key] = value is JsonObject child && !fullyIncluded
                ? Filter(child, path, includes, excludes)
                : value is JsonObject obj ? Filter(obj, path, null, excludes) : value?.DeepClone();
        }

        return result;
    }
}
