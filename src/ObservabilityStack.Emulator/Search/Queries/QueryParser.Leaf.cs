using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>Leaf queries: term-level and full-text queries on one field.</summary>
internal sealed partial class QueryParser
{
    /// <summary>The request's "now" in epoch millis.</summary>
    public long NowMillis => nowMillis;

    private static TermQuery ParseTerm(JsonElement body)
    {
        var (field, value, options) = SingleField("term", body, "value", ["case_insensitive"]);
        return new TermQuery(field, value, Bool(options, "case_insensitive"), Boost(options));
    }

    private TermsQuery ParseTerms(JsonElement body)
    {
        string? field = null;
        JsonElement values = default;
        var boost = ReadOptions("terms", body, property =>
        {
            if (field is not null)
            {
                throw EmulatorException.Parsing($"[terms] query does not support multiple fields [{field}] and [{property.Name}]");
            }

            field = property.Name;
            values = property.Value;
            return true;
        });

        if (field is null)
        {
            throw EmulatorException.Parsing("[terms] query requires a field");
        }

        values = values.ValueKind == JsonValueKind.Object ? LookupTerms(values) : values;
        if (values.ValueKind != JsonValueKind.Array)
        {
            throw EmulatorException.Parsing($"[terms] query does not support [{field}]");
        }

        var maxTerms = shards.Count == 0 ? 65_536 : shards.Min(s => s.MaxTermsCount);
        if (values.GetArrayLength() > maxTerms)
        {
            throw EmulatorException.IllegalArgument(
                $"The number of terms [{values.GetArrayLength()}] used in the Terms Query request has exceeded the allowed maximum of [{maxTerms}]. This maximum can be set by changing the [index.max_terms_count] index level setting.");
        }

        return new TermsQuery(field, [.. values.EnumerateArray()], boost);
    }

    // Terms lookup: {"index":..,"id":..,"path":..} reads the values from another document being searched.
    private JsonElement LookupTerms(JsonElement lookup)
    {
        var index = lookup.TryGetProperty("index", out var i) ? i.GetString() : null;
        var id = lookup.TryGetProperty("id", out var d) ? ResolvedField.AsString(d) : null;
        var path = lookup.TryGetProperty("path", out var p) ? p.GetString() : null;
        if (index is null || id is null || path is null)
        {
            throw EmulatorException.Parsing("[terms] query lookup element requires specifying the index, id and path");
        }

        var found = new List<JsonElement>();
        foreach (var shard in shards)
        {
            if (shard.IndexName != index)
            {
                continue;
            }

            foreach (var doc in shard.Documents())
            {
                if (doc.Id == id)
                {
                    new PathAccessor(path).Collect(doc.Source, found);
                }
            }
        }

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(found));
        return json.RootElement.Clone();
    }

    private RangeQuery ParseRange(JsonElement body)
    {
        var (field, _, options) = SingleField("range", body, null,
            ["gt", "gte", "lt", "lte", "from", "to", "include_lower", "include_upper", "format", "time_zone", "relation"]);
        JsonElement? Get(string name) => options.TryGetValue(name, out var v) ? v : null;
        var gt = Get("gt");
        var gte = Get("gte");
        var lt = Get("lt");
        var lte = Get("lte");
        if (Get("from") is { } from)
        {
            var exclusive = Get("include_lower") is { ValueKind: JsonValueKind.False };
            gt = exclusive ? from : null;
            gte = exclusive ? null : from;
        }

        if (Get("to") is { } to)
        {
            var exclusive = Get("include_upper") is { ValueKind: JsonValueKind.False };
            lt = exclusive ? to : null;
            lte = exclusive ? null : to;
        }

        var bounds = new RangeBounds(gt, gte, lt, lte, Get("format")?.GetString(), Get("time_zone")?.GetString());
        return new RangeQuery(field, bounds, nowMillis, Boost(options));
    }

    private static ExistsQuery ParseExists(JsonElement body)
    {
        string? field = null;
        var boost = ReadOptions("exists", body, property =>
        {
            field = property.Name == "field" ? property.Value.GetString() : field;
            return property.Name == "field";
        });
        return new ExistsQuery(field ?? throw EmulatorException.Parsing("[exists] must be provided with a [field]"), boost);
    }

    private static IdsQuery ParseIds(JsonElement body)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (body.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var value in values.EnumerateArray())
            {
                ids.Add(ResolvedField.AsString(value) ?? string.Empty);
            }
        }

        return new IdsQuery(ids, Options("ids", body, ["values"]));
    }

    private static PatternQuery ParsePattern(string type, JsonElement body)
    {
        var allowed = new[] { "case_insensitive", "rewrite", "flags", "max_determinized_states" };
        var (field, value, options) = SingleField(type, body, type == "wildcard" ? "value" : "value", allowed);
        if (type == "wildcard" && options.TryGetValue("wildcard", out var w))
        {
            value = w;
        }

        var text = ResolvedField.AsString(value) ?? string.Empty;
        var insensitive = Bool(options, "case_insensitive");
        return type switch
        {
            "prefix" => PatternQuery.Prefix(field, text, insensitive, Boost(options)),
            "wildcard" => PatternQuery.Wildcard(field, text, insensitive, Boost(options)),
            _ => PatternQuery.Regexp(field, text, insensitive, Boost(options)),
        };
    }

    private static MatchQuery ParseMatch(JsonElement body)
    {
        var (field, value, options) = SingleField("match", body, "query", ["operator", "minimum_should_match", "analyzer",
            "fuzziness", "prefix_length", "max_expansions", "lenient", "zero_terms_query", "auto_generate_synonyms_phrase_query",
            "fuzzy_transpositions", "cutoff_frequency"]);
        return new MatchQuery(field, value, IsAnd(options), Text(options, "minimum_should_match"),
            Text(options, "zero_terms_query") == "all", Boost(options));
    }

    private static MatchPhraseQuery ParsePhrase(string type, JsonElement body)
    {
        var (field, value, options) = SingleField(type, body, "query", ["slop", "analyzer", "max_expansions", "zero_terms_query"]);
        var slop = options.TryGetValue("slop", out var s) ? s.GetInt32() : 0;
        return new MatchPhraseQuery(field, value, slop, type == "match_phrase_prefix", Boost(options));
    }

    private static FieldsQuery ParseMultiMatch(JsonElement body)
    {
        var query = body.TryGetProperty("query", out var q) ? q : throw EmulatorException.Parsing("No text specified for multi_match query");
        var fields = body.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => x.GetString()!).ToArray()
            : ["*"];
        var and = body.TryGetProperty("operator", out var o) && string.Equals(o.GetString(), "and", StringComparison.OrdinalIgnoreCase);
        var phrase = body.TryGetProperty("type", out var t) && t.GetString() is "phrase" or "phrase_prefix";
        var msm = body.TryGetProperty("minimum_should_match", out var m) ? ResolvedField.AsString(m) : null;
        return new FieldsQuery(fields, (field, boost) => field.Kind == FieldKind.Object ? null
            : phrase ? new MatchPhraseQuery(field.Path, query, 0, false, boost)
            : new MatchQuery(field.Path, query, and, msm, false, boost));
    }

    // Reads {"field": value} or {"field": {"<valueKey>": value, options...}}.
    private static (string Field, JsonElement Value, Dictionary<string, JsonElement> Options) SingleField(string type,
        JsonElement body, string? valueKey, string[] allowed)
    {
        string? field = null;
        JsonElement value = default;
        var options = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is "boost" or "_name" && field is null && property.Value.ValueKind != JsonValueKind.Object)
            {
                options[property.Name] = property.Value;
                continue;
            }

            if (field is not null)
            {
                throw EmulatorException.Parsing($"[{type}] query doesn't support multiple fields, found [{field}] and [{property.Name}]");
            }

            field = property.Name;
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                value = property.Value;
                continue;
            }

            foreach (var option in property.Value.EnumerateObject())
            {
                if (option.Name == valueKey)
                {
                    value = option.Value;
                }
                else if (option.Name is "boost" or "_name" || Array.IndexOf(allowed, option.Name) >= 0 || (type == "wildcard" && option.Name == "wildcard"))
                {
                    options[option.Name] = option.Value;
                }
                else
                {
                    throw EmulatorException.Parsing($"[{type}] query does not support [{option.Name}]");
                }
            }
        }

        if (field is null)
        {
            throw EmulatorException.IllegalArgument($"[{type}] query requires a field name");
        }

        return (field, value, options);
    }

    private static double Boost(Dictionary<string, JsonElement> options) =>
        options.TryGetValue("boost", out var b) ? b.ValueKind == JsonValueKind.String ? double.Parse(b.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : b.GetDouble() : 1.0;

    private static bool Bool(Dictionary<string, JsonElement> options, string name) =>
        options.TryGetValue(name, out var v) && (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.String && v.ValueEquals("true")));

    private static string? Text(Dictionary<string, JsonElement> options, string name) =>
        options.TryGetValue(name, out var v) ? ResolvedField.AsString(v) : null;

    private static bool IsAnd(Dictionary<string, JsonElement> options) =>
        string.Equals(Text(options, "operator"), "and", StringComparison.OrdinalIgnoreCase);
}
