using System.Text.Json;
using ObservabilityStack.Emulator.Search.DocValues;
using ObservabilityStack.Emulator.Search.Fields;
using ObservabilityStack.Emulator.Search.Blocks;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>
/// <c>term</c>: an exact value. Keyword fields compare whole values, text fields compare indexed tokens,
/// numeric/date/boolean fields compare the parsed value.
/// </summary>
internal sealed class TermQuery : Query
{
    private readonly FieldRef _field;
    private readonly JsonElement _value;
    private readonly string? _text;
    private readonly bool _caseInsensitive;
    private readonly double _boost;
    private readonly List<string> _strings = [];
    private readonly List<double> _numbers = [];
    private ResolvedField? _convertedFor;
    private double? _converted;
    private readonly OrdinalFilter _ordinals;

    public TermQuery(string field, JsonElement value, bool caseInsensitive = false, double boost = 1.0)
    {
        _field = new FieldRef(field);
        _value = value;
        _text = ResolvedField.AsString(value);
        _caseInsensitive = caseInsensitive;
        _boost = boost;
        _ordinals = new OrdinalFilter(value => string.Equals(value, _text, caseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
    }

    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = _boost;
        var field = _field.Resolve(doc);
        if (field.IsNumeric)
        {
            var target = Converted(field);
            if (target is null)
            {
                return false;
            }

            _numbers.Clear();
            _field.Numbers(doc, _numbers);
            return _numbers.Contains(target.Value);
        }

        if (_text is null || field.Kind == FieldKind.Object)
        {
            return false;
        }

        if (field.Kind != FieldKind.Text && _field.KeywordColumnOf(doc) is { } column
            && _ordinals.Matches(column, doc.Position) is { } matched)
        {
            return matched;
        }

        _strings.Clear();
        _field.Tokens(doc, _strings);
        var comparison = _caseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var value in _strings)
        {
            if (string.Equals(value, _text, comparison))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override double? ConstantScore => _boost;

    /// <inheritdoc/>
    public override bool FilterBlock(in RunBlock block, ulong[] candidates)
    {
        if (_field.IsMetadata)
        {
            return false;
        }

        var field = _field.Resolve(block.Mappings);
        if (field.IsNumeric)
        {
            if (Converted(field) is not { } target)
            {
                Array.Clear(candidates);
                return true;
            }

            _field.KeepNumbers(block, candidates, new NumberInRange(target, true, target, true));
            return true;
        }

        if (_text is null || field.Kind == FieldKind.Object)
        {
            Array.Clear(candidates);
            return true;
        }

        return field.Kind != FieldKind.Text && _ordinals.TryKeep(_field.KeywordColumnOf(block), candidates);
    }

    private double? Converted(ResolvedField field)
    {
        if (!ReferenceEquals(field, _convertedFor))
        {
            _convertedFor = field;
            _converted = field.TryNumber(_value, out var number) ? number : null;
        }

        return _converted;
    }
}
