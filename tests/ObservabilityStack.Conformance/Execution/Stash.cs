using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>
/// Values saved by <c>set</c> and substituted as <c>$name</c> (whole value, keeps its type) or <c>${name}</c>
/// (inside a string) in requests, paths, keys and expected values. <c>$body</c> is the last response body.
/// </summary>
public sealed partial class Stash
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    /// <summary>The last response, the source of <c>$body</c>.</summary>
    public RestResponse? LastResponse { get; set; }

    /// <summary>Saves a value.</summary>
    public void Set(string name, JsonNode? value) => _values[name] = value?.DeepClone();

    /// <summary>Clears all values (between tests).</summary>
    public void Clear()
    {
        _values.Clear();
        LastResponse = null;
    }

    /// <summary>Looks a value up by name (without the <c>$</c>).</summary>
    public JsonNode? Get(string name)
    {
        if (name == "body")
        {
            return LastResponse?.Body;
        }

        return _values.TryGetValue(name, out var value)
            ? value
            : throw new StepFailedException($"stash has no value '{name}'");
    }

    /// <summary>Returns a copy of <paramref name="node"/> with stashed values substituted.</summary>
    public JsonNode? Replace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[ReplaceKey(key)] = Replace(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(Replace).ToArray());
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                return ReplaceString(value.GetValue<string>());
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Substitutes stashed values inside a string and returns the string.</summary>
    public string ReplaceInString(string text)
    {
        var replaced = ReplaceString(text);
        return replaced is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? v.GetValue<string>()
            : JsonText.Scalar(replaced);
    }

    private string ReplaceKey(string key) => key.StartsWith('$') || key.Contains("${", StringComparison.Ordinal)
        ? ReplaceInString(key)
        : key;

    private JsonNode? ReplaceString(string text)
    {
        var whole = WholePattern().Match(text);
        if (whole.Success)
        {
            return Get(whole.Groups[1].Value)?.DeepClone();
        }

        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        return JsonValue.Create(EmbeddedPattern().Replace(text, m => JsonText.Scalar(Get(m.Groups[1].Value))));
    }

    [GeneratedRegex(@"^\$([A-Za-z_]\w*)$")]
    private static partial Regex WholePattern();

    [GeneratedRegex(@"\$\{([A-Za-z_][\w]*)\}")]
    private static partial Regex EmbeddedPattern();
}
