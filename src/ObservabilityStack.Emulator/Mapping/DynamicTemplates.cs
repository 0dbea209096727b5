using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Mapping;

/// <summary>Elasticsearch's dynamic_templates: match_mapping_type, match/unmatch, path_match/path_unmatch.</summary>
internal static class DynamicTemplates
{
    public static FieldMapping? Match(JsonArray? templates, string matchType, string name, string path)
    {
        if (templates is null)
        {
            return null;
        }

        foreach (var entry in templates)
        {
            if (entry is not JsonObject wrapper || wrapper.Count != 1)
            {
                continue;
            }

            var template = wrapper.First().Value as JsonObject;
            if (template is null || !Matches(template, matchType, name, path))
            {
                continue;
            }

            var mapping = template["mapping"]?.ToJsonString() ?? "{}";
            var dynamicType = matchType == "string" ? "text" : matchType == "double" ? "float" : matchType;
            mapping = mapping.Replace("{name}", name, StringComparison.Ordinal)
                .Replace("{dynamic_type}", dynamicType, StringComparison.Ordinal)
                .Replace("{dynamicType}", dynamicType, StringComparison.Ordinal);
            var definition = (JsonObject)JsonNode.Parse(mapping)!;
            if (definition["type"] is null && matchType != "object")
            {
                definition["type"] = dynamicType;
            }

            return FieldMapping.Parse(path, definition);
        }

        return null;
    }

    private static bool Matches(JsonObject template, string matchType, string name, string path) =>
        AnyMatch(template["match_mapping_type"], v => v == "*" || v == matchType, true)
        && !AnyMatch(template["unmatch_mapping_type"], v => v == matchType, false)
        && AnyMatch(template["match"], v => Wildcard.Matches(v, name), true)
        && !AnyMatch(template["unmatch"], v => Wildcard.Matches(v, name), false)
        && AnyMatch(template["path_match"], v => Wildcard.Matches(v, path), true)
        && !AnyMatch(template["path_unmatch"], v => Wildcard.Matches(v, path), false);

    /// <summary>True when any given value satisfies the test; <paramref name="whenAbsent"/> when the condition is missing.</summary>
    private static bool AnyMatch(JsonNode? condition, Func<string, bool> test, bool whenAbsent) => condition switch
    {
        null => whenAbsent,
        JsonArray values => values.Any(v => v is not null && test(v.ToString())),
        _ => test(condition.ToString()),
    };
}
