using System.Globalization;
using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Aggregations;

/// <summary>The <c>field</c> (+ <c>missing</c>) an aggregation reads, with Elasticsearch's type checks.</summary>
internal sealed class ValuesSource
{
    private readonly JsonElement? _missing;
    private readonly string _aggregationType;

    public ValuesSource(AggregationDefinition definition, bool required = true)
    {
        _aggregationType = definition.Type;
        var body = definition.Body;
        if (body.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String)
        {
            Field = new FieldRef(field.GetString()!);
        }
        else if (required)
        {
            throw EmulatorException.IllegalArgument("Required one of fields [field, script], but none were specified. ");
        }

        _missing = body.TryGetProperty("missing", out var missing) ? missing : null;
        ValueType = body.TryGetProperty("value_type", out var vt) ? vt.GetString() : null;
    }

    /// <summary>The field, null when the aggregation has none (e.g. filters).</summary>
    public FieldRef? Field { get; }

    /// <summary>The <c>value_type</c> hint (used for unmapped fields).</summary>
    public string? ValueType { get; }

    /// <summary>True when a <c>missing</c> substitute is configured.</summary>
    public bool HasMissing => _missing is not null;

    /// <summary>The field kind in a document's index (value_type decides for unmapped fields).</summary>
    public FieldKind KindIn(DocContext doc)
    {
        var kind = Field!.Resolve(doc).Kind;
        return kind == FieldKind.Unmapped && ValueType is not null ? ResolvedField.KindOf(TypeName(ValueType)) : kind;
    }

    /// <summary>Adds numeric values (or the missing substitute when the document has none).</summary>
    public void Numbers(DocContext doc, List<double> output)
    {
        var before = output.Count;
        Field!.Numbers(doc, output);
        if (output.Count == before && _missing is { } missing)
        {
            var field = Field.Resolve(doc);
            if (field.TryNumber(missing, out var number) || (field.Kind == FieldKind.Unmapped && MissingAs(KindIn(doc), field, out number)))
            {
                output.Add(number);
            }
        }
    }

    /// <summary>Adds string values (or the missing substitute).</summary>
    public void Strings(DocContext doc, List<string> output)
    {
        var before = output.Count;
        Field!.Strings(doc, output);
        if (output.Count == before && _missing is { } missing && ResolvedField.AsString(missing) is { } text)
        {
            output.Add(text);
        }
    }

    /// <summary>Throws Elasticsearch's errors for fields that cannot be aggregated this way.</summary>
    public void Validate(ISearchShard shard, bool numericOnly)
    {
        if (Field is null)
        {
            return;
        }

        var field = Field.Resolve(shard.Mappings);
        if (field.Kind == FieldKind.Text)
        {
            throw EmulatorException.IllegalArgument(
                $"Fielddata is disabled on [{field.Path}] in [{shard.IndexName}]. Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [{field.Path}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.");
        }

        if (ValueType is not null && field.MappedType is { } mapped && !Compatible(TypeName(ValueType), mapped, field.Kind))
        {
            throw EmulatorException.IllegalArgument(
                $"Field [{field.Path}] of type [{mapped}] is not supported for aggregation [{_aggregationType}] with value_type [{ValueType}]");
        }

        if (numericOnly && field.Kind is FieldKind.Keyword or FieldKind.Object)
        {
            throw EmulatorException.IllegalArgument(
                $"Field [{field.Path}] of type [{field.MappedType}] is not supported for aggregation [{_aggregationType}]");
        }
    }

    private bool MissingAs(FieldKind kind, ResolvedField field, out double number)
    {
        number = 0;
        var missing = _missing!.Value;
        switch (kind)
        {
            case FieldKind.Date:
                var ok = field.Format.TryParse(missing, null, out var millis);
                number = millis;
                return ok;
            case FieldKind.Boolean:
                number = missing.ValueKind == JsonValueKind.True || (missing.ValueKind == JsonValueKind.String && missing.ValueEquals("true")) ? 1 : 0;
                return true;
            default:
                return missing.ValueKind == JsonValueKind.Number ? missing.TryGetDouble(out number)
                    : double.TryParse(ResolvedField.AsString(missing), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        }
    }

    /// <summary>Whether a mapped field can be read as the requested <c>value_type</c> (since 8.1 a mismatch fails the shard).</summary>
    private static bool Compatible(string valueType, string mapped, FieldKind kind) => valueType switch
    {
        "ip" => mapped == "ip",
        "keyword" => kind is FieldKind.Keyword or FieldKind.Text && mapped != "ip",
        "date" => kind == FieldKind.Date,
        "boolean" => kind == FieldKind.Boolean,
        _ => kind is FieldKind.Long or FieldKind.Double or FieldKind.Date or FieldKind.Boolean,
    };

    private static string TypeName(string valueType) => valueType switch
    {
        "string" => "keyword",
        "number" => "double",
        "numeric" => "double",
        _ => valueType,
    };
}
