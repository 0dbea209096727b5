using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Hits;

/// <summary>One sort criterion: a field, <c>_score</c> or <c>_doc</c>, with order, missing and mode.</summary>
internal sealed class SortSpec
{
    private readonly List<double> _numbers = [];
    private readonly List<string> _strings = [];

    public SortSpec(string field, bool descending, string? missing, string? unmappedType, string? mode)
    {
        Field = new FieldRef(field);
        Descending = descending;
        MissingFirst = missing == "_first";
        MissingValue = missing is null or "_first" or "_last" ? null : missing;
        UnmappedType = unmappedType;
        UseMax = mode is null ? descending : mode == "max";
    }

    /// <summary>The field (or <c>_score</c>, <c>_doc</c>).</summary>
    public FieldRef Field { get; }

    /// <summary>True for <c>desc</c>.</summary>
    public bool Descending { get; }

    /// <summary>True when documents without a value sort first.</summary>
    public bool MissingFirst { get; }

    /// <summary>A custom substitute for missing values.</summary>
    public string? MissingValue { get; }

    /// <summary>The type to assume where the field is unmapped.</summary>
    public string? UnmappedType { get; }

    /// <summary>Multi-valued fields sort by their max (desc default) or min (asc default).</summary>
    public bool UseMax { get; }

    /// <summary>True for <c>_score</c>.</summary>
    public bool IsScore => Field.Path == "_score";

    /// <summary>True for <c>_doc</c>.</summary>
    public bool IsDoc => Field.Path == "_doc";

    /// <summary>The sort key of the current document.</summary>
    public SortKey KeyOf(DocContext doc, double score)
    {
        if (IsScore)
        {
            return new SortKey(score, null, false);
        }

        if (IsDoc)
        {
            return new SortKey(((long)doc.ShardIndex << 32) + doc.DocIndex, null, false);
        }

        var field = Field.Resolve(doc);
        if (field.IsNumeric || (field.Kind == FieldKind.Unmapped && IsNumericType(UnmappedType)))
        {
            _numbers.Clear();
            Field.Numbers(doc, _numbers);
            if (_numbers.Count == 0)
            {
                return MissingValue is not null && double.TryParse(MissingValue, System.Globalization.CultureInfo.InvariantCulture, out var m)
                    ? new SortKey(m, null, false)
                    : SortKey.None;
            }

            var best = _numbers[0];
            foreach (var n in _numbers)
            {
                best = UseMax ? Math.Max(best, n) : Math.Min(best, n);
            }

            return new SortKey(best, null, false);
        }

        _strings.Clear();
        Field.Strings(doc, _strings);
        if (_strings.Count == 0)
        {
            return MissingValue is not null ? new SortKey(0, MissingValue, false) : SortKey.None;
        }

        var text = _strings[0];
        foreach (var s in _strings)
        {
            var c = string.CompareOrdinal(s, text);
            text = (UseMax ? c > 0 : c < 0) ? s : text;
        }

        return new SortKey(0, text, false);
    }

    /// <summary>Compares two keys in this criterion's order (missing values last unless <c>_first</c>).</summary>
    public int Compare(in SortKey a, in SortKey b)
    {
        if (a.Missing || b.Missing)
        {
            return a.Missing == b.Missing ? 0 : (a.Missing ^ MissingFirst) ? 1 : -1;
        }

        var c = a.Text is not null || b.Text is not null
            ? string.CompareOrdinal(a.Text ?? string.Empty, b.Text ?? string.Empty)
            : a.Number.CompareTo(b.Number);
        return Descending ? -c : c;
    }

    private static bool IsNumericType(string? type) => type is not null && ResolvedField.KindOf(type) is
        FieldKind.Long or FieldKind.Double or FieldKind.Date or FieldKind.Boolean;
}
