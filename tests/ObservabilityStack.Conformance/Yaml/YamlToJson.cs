using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ObservabilityStack.Conformance.Yaml;

/// <summary>
/// Converts YAML into <see cref="JsonNode"/> trees, typing plain scalars the way Elasticsearch's
/// Jackson-based runner does (true/false, null, integers, floats) and keeping quoted scalars as strings.
/// </summary>
public static partial class YamlToJson
{
    /// <summary>Parses every document of a YAML stream; empty documents are dropped.</summary>
    public static IReadOnlyList<JsonNode> LoadDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var documents = new List<JsonNode>();
        foreach (var document in stream.Documents)
        {
            var node = Convert(document.RootNode);
            if (node is not null)
            {
                documents.Add(node);
            }
        }

        return documents;
    }

    /// <summary>Converts one YAML node (and its children).</summary>
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : key.ToString();
            // Later duplicates win, as with Jackson's default map deserialisation.
            result[name] = Convert(value);
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(text);
        }

        if (text.Length == 0 || text == "~" || text.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(true);
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(false);
        }

        return ParseNumber(text) ?? JsonValue.Create(text);
    }

    /// <summary>Numbers keep their literal text (1.0 stays 1.0) so request bodies map like upstream.</summary>
    private static JsonNode? ParseNumber(string text)
    {
        if (!NumberPattern().IsMatch(text))
        {
            return null;
        }

        var json = text.TrimStart('+');
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            // Forms YAML accepts but JSON does not, such as ".5" or "1.".
            return double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? JsonValue.Create(value)
                : null;
        }
    }

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();
}
