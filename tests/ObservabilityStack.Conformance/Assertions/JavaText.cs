using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Assertions;

/// <summary>
/// Renders a JSON node the way Java's <c>Map.toString()</c> does (<c>{type=x, reason=y}</c>), which is the
/// text upstream's runner matches <c>catch: /regex/</c> against.
/// </summary>
public static class JavaText
{
    /// <summary>Java-style rendering of <paramref name="node"/>.</summary>
    public static string Render(JsonNode? node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    builder.Append(first ? string.Empty : ", ").Append(key).Append('=');
                    Append(builder, value);
                    first = false;
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Append(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                builder.Append(value.GetValue<string>());
                break;
            default:
                builder.Append(node.ToJsonString());
                break;
        }
    }
}
