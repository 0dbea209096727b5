using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>The columns a request may read in one index: built together when a run lacks any of them.</summary>
internal static class ColumnPlan
{
    /// <summary>The columns for <paramref name="fields"/> as mapped in <paramref name="mappings"/>.</summary>
    public static ColumnSpec[] For(IReadOnlyList<FieldRef> fields, IFieldMappings mappings)
    {
        var specs = new Dictionary<string, ColumnSpec>(StringComparer.Ordinal);
        foreach (var reference in fields)
        {
            if (reference.Path is "_id" or "_index" or "@timestamp")
            {
                continue;
            }

            var field = reference.Resolve(mappings);
            Add(specs, field.ExistsColumn);
            if (field.IsNumeric)
            {
                Add(specs, field.NumberColumn);
            }
            else if (field.Kind != FieldKind.Text)
            {
                Add(specs, field.KeywordColumn);
            }
        }

        return [.. specs.Values];
    }

    private static void Add(Dictionary<string, ColumnSpec> specs, ColumnSpec spec) => specs.TryAdd(spec.Key, spec);
}
