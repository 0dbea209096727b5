using System.Globalization;
using System.Text.Json;
using ObservabilityStack.Emulator.Search.DocValues;

namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>A field path resolved against one index's mapping: its kind, where it lives in <c>_source</c> and its date format.</summary>
internal sealed class ResolvedField
{
    private ColumnSpec? _existsColumn;
    private ColumnSpec? _keywordColumn;
    private ColumnSpec? _numberColumn;

    private ResolvedField(string path, FieldKind kind, string? mappedType, string sourcePath, DateFormat format)
    {
        Path = path;
        Kind = kind;
        MappedType = mappedType;
        Accessor = new PathAccessor(sourcePath);
        Format = format;
    }

    /// <summary>The requested dotted path.</summary>
    public string Path { get; }

    /// <summary>How values are interpreted.</summary>
    public FieldKind Kind { get; }

    /// <summary>The mapping type name, null when unmapped.</summary>
    public string? MappedType { get; }

    /// <summary>Reads the values from <c>_source</c> (a multi-field reads its parent's value).</summary>
    public PathAccessor Accessor { get; }

    /// <summary>The date format (the mapping's, or the default).</summary>
    public DateFormat Format { get; }

    /// <summary>The column answering <c>exists</c> for this field.</summary>
    public ColumnSpec ExistsColumn => _existsColumn ??= ColumnSpec.For(ColumnType.Exists, this);

    /// <summary>The column of this field's keyword strings.</summary>
    public ColumnSpec KeywordColumn => _keywordColumn ??= ColumnSpec.For(ColumnType.Keyword, this);

    /// <summary>The column of this field's numbers under its kind and format.</summary>
    public ColumnSpec NumberColumn => _numberColumn ??= ColumnSpec.For(ColumnType.Number, this);

    /// <summary>True for fields whose values are numbers (long, double, date, boolean).</summary>
    public bool IsNumeric => Kind is FieldKind.Long or FieldKind.Double or FieldKind.Date or FieldKind.Boolean;

    /// <summary>Resolves <paramref name="path"/> in <paramref name="mappings"/>.</summary>
    public static ResolvedField Resolve(string path, IFieldMappings mappings)
    {
        var mapped = mappings.Find(path);
        var kind = mapped is null ? UnmappedKind(path, mappings) : KindOf(mapped.Type);
        var sourcePath = path;

        // A multi-field (message.keyword) has no value of its own in _source: it indexes its parent's value.
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            var parent = mappings.Find(path[..dot]);
            if (parent is null)
            {
                continue;
            }

            if (parent.Type == "flattened")
            {
                kind = FieldKind.Keyword;
            }
            else if (KindOf(parent.Type) != FieldKind.Object)
            {
                sourcePath = path[..dot];
            }

            break;
        }

        return new ResolvedField(path, kind, mapped?.Type, sourcePath, DateFormat.Get(mapped?.Format));
    }

    /// <summary>Maps an Elasticsearch mapping type to a <see cref="FieldKind"/>.</summary>
    public static FieldKind KindOf(string type) => type switch
    {
        "text" or "match_only_text" or "search_as_you_type" or "annotated_text" => FieldKind.Text,
        "long" or "integer" or "short" or "byte" or "unsigned_long" => FieldKind.Long,
        "double" or "float" or "half_float" or "scaled_float" => FieldKind.Double,
        "date" or "date_nanos" => FieldKind.Date,
        "boolean" => FieldKind.Boolean,
        "object" or "nested" => FieldKind.Object,
        _ => FieldKind.Keyword,
    };

    /// <summary>The value as a number: dates as epoch millis, booleans as 1/0.</summary>
    public bool TryNumber(JsonElement value, out double number)
    {
        number = 0;
        switch (Kind)
        {
            case FieldKind.Date:
                var ok = Format.TryParse(value, null, out var millis);
                number = millis;
                return ok;
            case FieldKind.Boolean:
                return TryBoolean(value, out number);
            case FieldKind.Text or FieldKind.Keyword or FieldKind.Object:
                return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            JsonValueKind.True or JsonValueKind.False when Kind == FieldKind.Unmapped => TryBoolean(value, out number),
            _ => false,
        };
    }

    /// <summary>The value as the string Elasticsearch would index for a keyword.</summary>
    public static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static bool TryBoolean(JsonElement value, out double number)
    {
        number = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                number = 1;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String when value.ValueEquals("true"):
                number = 1;
                return true;
            case JsonValueKind.String when value.ValueEquals("false") || value.ValueEquals(string.Empty):
                return true;
            default:
                return false;
        }
    }

    private static FieldKind UnmappedKind(string path, IFieldMappings mappings)
    {
        var prefix = path + ".";
        foreach (var field in mappings.All)
        {
            if (field.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return FieldKind.Object;
            }
        }

        return FieldKind.Unmapped;
    }
}
