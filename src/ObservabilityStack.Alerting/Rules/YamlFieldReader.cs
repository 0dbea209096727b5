using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ObservabilityStack.Alerting.Rules;

/// <summary>
/// Reads typed fields from one YAML mapping, recording an error (file, line, field) for each bad value
/// instead of throwing, so the loader reports every problem of a file at once. Unknown keys are errors
/// too: a typo such as <c>treshold</c> must not silently fall back to a default.
/// </summary>
internal sealed class YamlFieldReader
{
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly string _file;
    private readonly List<RuleError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFieldReader(YamlMappingNode node, string path, string file, List<RuleError> errors)
    {
        _node = node;
        _path = path;
        _file = file;
        _errors = errors;
    }

    public string File => _file;

    public int Line => (int)_node.Start.Line;

    public YamlNode? Raw(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public void Error(YamlNode? at, string key, string message)
    {
        var mark = (at ?? _node).Start;
        _errors.Add(new RuleError(_file, (int)mark.Line, (int)mark.Column, Field(key), message));
    }

    public string Field(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    public string? String(string key, bool required = false)
    {
        var node = Raw(key);
        switch (node)
        {
            case null:
                if (required)
                {
                    Error(null, key, "is required");
                }

                return null;
            case YamlScalarNode { Value: { Length: > 0 } text }:
                return text;
            default:
                Error(node, key, "must be a non-empty text value");
                return null;
        }
    }

    public TimeSpan? Duration(string key, bool allowZero = true)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!Durations.TryParse(text, out var value) || (!allowZero && value <= TimeSpan.Zero))
        {
            Error(Raw(key), key, $"'{text}' is not a duration{(allowZero ? "" : " above zero")} (use e.g. 30s, 5m, 2h, 1d)");
            return null;
        }

        return value;
    }

    public double? Double(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(Raw(key), key, $"'{text}' is not a number");
            return null;
        }

        return value;
    }

    public int? Int(string key, int min, int max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(Raw(key), key, $"'{text}' must be a whole number from {min} to {max}");
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!bool.TryParse(text, out var value))
        {
            Error(Raw(key), key, $"'{text}' must be true or false");
            return null;
        }

        return value;
    }

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> names, bool required = false)
        where T : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!names.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            Error(Raw(key), key, $"'{text}' is not one of: {string.Join(", ", names.Keys)}");
            return null;
        }

        return value;
    }

    /// <summary>A list of text values; a single scalar counts as a one-item list.</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        var node = Raw(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode { Value: { Length: > 0 } one }:
                return [one];
            case YamlSequenceNode sequence:
                var list = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text })
                    {
                        list.Add(text);
                    }
                    else
                    {
                        Error(item, key, "items must be non-empty text values");
                    }
                }

                return list;
            default:
                Error(node, key, "must be a list of text values");
                return [];
        }
    }

    public IReadOnlyDictionary<string, string> Map(string key)
    {
        var node = Raw(key);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return map;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, key, "must be a mapping of names to text values");
            return map;
        }

        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { Length: > 0 } name } && v is YamlScalarNode { Value: { } value })
            {
                map[name] = value;
            }
            else
            {
                Error(k, key, "entries must be name: text");
            }
        }

        return map;
    }

    /// <summary>Reports every key that no accessor asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(name))
            {
                _errors.Add(new RuleError(_file, (int)key.Start.Line, (int)key.Start.Column, Field(name),
                    "unknown field (check the spelling; see docs/alerting.md for the fields of each rule type)"));
            }
        }
    }
}
