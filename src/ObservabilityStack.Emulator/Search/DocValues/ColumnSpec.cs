using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// Which column a field reads: its type, the path in <c>_source</c> (a multi-field reads its parent's) and, for
/// numbers, the kind and date format that decide the parse. Equal keys mean equal columns, whatever the field's name.
/// </summary>
internal sealed class ColumnSpec
{
    private ColumnSpec(ColumnType type, ResolvedField field, string key)
    {
        Type = type;
        Field = field;
        Key = key;
    }

    /// <summary>What the column holds.</summary>
    public ColumnType Type { get; }

    /// <summary>The resolved field whose accessor and conversions the builder uses (the same code as evaluation).</summary>
    public ResolvedField Field { get; }

    /// <summary>Identity of the column within a run.</summary>
    public string Key { get; }

    /// <summary>The path read from <c>_source</c>.</summary>
    public string SourcePath => Field.Accessor.Path;

    /// <summary>The column of <paramref name="type"/> for <paramref name="field"/>.</summary>
    public static ColumnSpec For(ColumnType type, ResolvedField field) => new(type, field, type switch
    {
        ColumnType.Exists => "e|" + field.Accessor.Path,
        ColumnType.Keyword => "k|" + field.Accessor.Path,
        _ => $"n|{field.Kind}|{field.Format.Pattern}|{field.Accessor.Path}",
    });

    /// <summary>A builder for this column over the block of <paramref name="length"/> documents from <paramref name="start"/>.</summary>
    public ColumnBuilder NewBuilder(int start, int length) => Type switch
    {
        ColumnType.Exists => new ExistsColumnBuilder(this, start, length),
        ColumnType.Keyword => new KeywordColumnBuilder(this, start, length),
        _ => new NumberColumnBuilder(this, start, length),
    };
}
