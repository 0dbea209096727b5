using System.Text.Json.Nodes;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>
/// Compares our saved objects with what Kibana holds. Only what we define counts: Kibana adds attributes of
/// its own on import (migrations, defaults, timestamps), and those must not make every run an update.
/// </summary>
internal static class SavedObjectDiff
{
    /// <summary>True when every attribute and reference we define is present in Kibana's copy with the same value.</summary>
    public static bool Matches(JsonObject ours, JsonObject theirs)
    {
        if (ours["attributes"] is JsonObject attributes && !Contains(theirs["attributes"], attributes))
        {
            return false;
        }

        var ourReferences = References(ours);
        var theirReferences = References(theirs);
        return ourReferences.SetEquals(theirReferences);
    }

    private static bool Contains(JsonNode? theirs, JsonObject ours)
    {
        if (theirs is not JsonObject other)
        {
            return false;
        }

        foreach (var (name, value) in ours)
        {
            if (!other.TryGetPropertyValue(name, out var their) || !Same(value, their))
            {
                return false;
            }
        }

        return true;
    }

    // Strings that hold JSON (searchSourceJSON, panelsJSON, ...) compare by content, not by formatting.
    private static bool Same(JsonNode? ours, JsonNode? theirs)
    {
        if (ours is JsonValue a && theirs is JsonValue b && a.TryGetValue<string>(out var x) && b.TryGetValue<string>(out var y))
        {
            return x == y || (LooksLikeJson(x) && LooksLikeJson(y) && JsonNode.DeepEquals(TryParse(x), TryParse(y)));
        }

        return JsonNode.DeepEquals(ours, theirs);
    }

    private static bool LooksLikeJson(string text) => text.Length > 1 && (text[0] == '{' || text[0] == '[');

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static HashSet<string> References(JsonObject o) =>
        o["references"] is JsonArray list
            ? [.. list.OfType<JsonObject>().Select(r => $"{r["type"]}|{r["id"]}|{r["name"]}")]
            : [];
}
