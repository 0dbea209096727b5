using System.Text;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ingest;

/// <summary>
/// A document going through pipelines: its source, metadata (<c>_index</c>, <c>_id</c>) and the ingest
/// timestamp, with dotted-path field access and <c>{{field}}</c> templates like Elasticsearch's mustache.
/// </summary>
internal sealed class IngestDocument(JsonObject source, string index, string? id, DateTimeOffset timestamp)
{
    public JsonObject Source { get; } = source;

    public string Index { get; set; } = index;

    public string? Id { get; } = id;

    public DateTimeOffset Timestamp { get; } = timestamp;

    /// <summary>Set while <c>on_failure</c> processors run: <c>_ingest.on_failure_message</c> and friends.</summary>
    public Dictionary<string, string?> FailureMetadata { get; } = new(StringComparer.Ordinal);

    public bool Has(string path) => Get(path) is not null || ParentOf(path, create: false) is { } parent && parent.ContainsKey(Leaf(path));

    public JsonNode? Get(string path)
    {
        switch (path)
        {
            case "_index":
                return Index;
            case "_id":
                return Id;
            case "_ingest.timestamp":
                return Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffK", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (path.StartsWith("_ingest.", StringComparison.Ordinal))
        {
            return FailureMetadata.TryGetValue(path["_ingest.".Length..], out var value) ? value : null;
        }

        return ParentOf(path, create: false)?[Leaf(path)];
    }

    public void Set(string path, JsonNode? value)
    {
        if (path == "_index")
        {
            Index = value?.ToString() ?? Index;
            return;
        }

        var parent = ParentOf(path, create: true)
            ?? throw EmulatorException.IllegalArgument($"cannot set [{Leaf(path)}] with parent object of type [{ParentType(path)}] as part of path [{path}]");
        parent[Leaf(path)] = value;
    }

    public bool Remove(string path) => ParentOf(path, create: false)?.Remove(Leaf(path)) == true;

    /// <summary>Renders <c>{{field}}</c> and <c>{{{field}}}</c> references; text without them is returned as is.</summary>
    public string Render(string template)
    {
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return template;
        }

        var result = new StringBuilder();
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                result.Append(template, at, template.Length - at);
                break;
            }

            var triple = template.AsSpan(open).StartsWith("{{{");
            var close = template.IndexOf(triple ? "}}}" : "}}", open, StringComparison.Ordinal);
            if (close < 0)
            {
                result.Append(template, at, template.Length - at);
                break;
            }

            result.Append(template, at, open - at);
            var name = template[(open + (triple ? 3 : 2))..close].Trim();
            result.Append(Get(name) switch
            {
                null => string.Empty,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                var node => node.ToJsonString(),
            });
            at = close + (triple ? 3 : 2);
        }

        return result.ToString();
    }

    private static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..];

    private string ParentType(string path) => Get(path[..Math.Max(0, path.LastIndexOf('.'))])?.GetValueKind().ToString().ToLowerInvariant() ?? "null";

    private JsonObject? ParentOf(string path, bool create)
    {
        var parts = path.Split('.');
        var current = Source;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var next = current[parts[i]];
            if (next is null && create)
            {
                next = new JsonObject();
                current[parts[i]] = next;
            }

            if (next is not JsonObject child)
            {
                return null;
            }

            current = child;
        }

        return current;
    }
}
