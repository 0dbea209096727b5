using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>
/// The columns a request may read in one index, built together when a run lacks any of them. A run's first parse
/// also builds the index's other keyword and numeric fields when the mapping has few of them (an ECS log mapping
/// has about ten): parsing dominates the cost, so one pass for all is cheaper than a pass per field as other
/// searches arrive, and memory stays bounded by <see cref="MaxMappedSpecs"/>.
/// </summary>
internal sealed class ColumnPlan
{
    /// <summary>Mappings with more aggregatable columns than this get only the requested ones.</summary>
    public const int MaxMappedSpecs = 24;

    private readonly IFieldMappings? _mappings;
    private List<ColumnSpec>? _mapped;

    private ColumnPlan(ColumnSpec[] requested, IFieldMappings? mappings)
    {
        Requested = requested;
        _mappings = mappings;
    }

    /// <summary>No columns beyond the one asked for.</summary>
    public static ColumnPlan None { get; } = new([], null);

    /// <summary>The columns the request's fields read.</summary>
    public ColumnSpec[] Requested { get; }

    /// <summary>The plan for <paramref name="fields"/> as mapped in <paramref name="mappings"/>.</summary>
    public static ColumnPlan For(IReadOnlyList<FieldRef> fields, IFieldMappings mappings)
    {
        var specs = new Dictionary<string, ColumnSpec>(StringComparer.Ordinal);
        foreach (var reference in fields)
        {
            if (reference.Path is not ("_id" or "_index" or "@timestamp"))
            {
                AddColumns(specs, reference.Resolve(mappings));
            }
        }

        return new ColumnPlan([.. specs.Values], mappings);
    }

    /// <summary>The index's keyword and numeric columns, or none when the mapping has more than <see cref="MaxMappedSpecs"/>.</summary>
    public IReadOnlyList<ColumnSpec> Mapped()
    {
        if (_mapped is null)
        {
            var specs = new Dictionary<string, ColumnSpec>(StringComparer.Ordinal);
            foreach (var field in _mappings?.All ?? [])
            {
                if (field.Path != "@timestamp")
                {
                    AddColumns(specs, ResolvedField.Resolve(field.Path, _mappings!));
                }
            }

            _mapped = specs.Count <= MaxMappedSpecs ? [.. specs.Values] : [];
        }

        return _mapped;
    }

    private static void AddColumns(Dictionary<string, ColumnSpec> specs, ResolvedField field)
    {
        if (field.Kind is FieldKind.Text or FieldKind.Object)
        {
            return;
        }

        specs.TryAdd(field.ExistsColumn.Key, field.ExistsColumn);
        var values = field.IsNumeric ? field.NumberColumn : field.KeywordColumn;
        specs.TryAdd(values.Key, values);
    }
}
