using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>
/// Evaluates assertion paths such as <c>hits.hits.0._source.a\.b</c> against a response body: segments are split
/// on unescaped dots, numbers index lists, <c>$name</c> segments come from the stash, <c>_arbitrary_key_</c> picks
/// any key, and <c>''</c> or <c>$body</c> is the whole body.
/// </summary>
public static class ObjectPath
{
    /// <summary>Splits a path on unescaped dots, unescapes <c>\.</c> and drops empty segments (as upstream does for <c>.$idx.settings</c>).</summary>
    public static IReadOnlyList<string> Split(string path)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '\\' && i + 1 < path.Length && path[i + 1] == '.')
            {
                current.Append('.');
                i++;
            }
            else if (path[i] == '.')
            {
                AddSegment(segments, current);
            }
            else
            {
                current.Append(path[i]);
            }
        }

        AddSegment(segments, current);
        return segments;
    }

    private static void AddSegment(List<string> segments, StringBuilder current)
    {
        if (current.Length > 0)
        {
            segments.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>Finds the value at <paramref name="path"/>; false when some segment is absent.</summary>
    public static bool TryEvaluate(JsonNode? body, string path, Stash stash, out JsonNode? value)
    {
        value = body;
        if (path.Length == 0 || path == "$body")
        {
            return true;
        }

        foreach (var raw in Split(path))
        {
            var segment = raw.StartsWith('$') || raw.Contains("${", StringComparison.Ordinal)
                ? stash.ReplaceInString(raw)
                : raw;
            switch (value)
            {
                case JsonObject obj when segment == "_arbitrary_key_":
                    if (obj.Count == 0)
                    {
                        return false;
                    }

                    value = JsonValue.Create(obj.First().Key);
                    break;
                case JsonObject obj:
                    if (!obj.TryGetPropertyValue(segment, out value))
                    {
                        return false;
                    }

                    break;
                case JsonArray array:
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                        || index >= array.Count)
                    {
                        return false;
                    }

                    value = array[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Evaluates or fails the step with a message naming the path.</summary>
    public static JsonNode? Evaluate(JsonNode? body, string path, Stash stash)
    {
        if (!TryEvaluate(body, path, stash, out var value))
        {
            throw new StepFailedException($"path '{path}' not found in response {JsonText.Brief(body, 200)}");
        }

        return value;
    }
}
