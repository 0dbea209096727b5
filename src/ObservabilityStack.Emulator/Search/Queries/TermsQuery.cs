using System.Text.Json;
using ObservabilityStack.Emulator.Search.DocValues;
using ObservabilityStack.Emulator.Search.Fields;
using ObservabilityStack.Emulator.Search.Blocks;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary><c>terms</c>: any of several exact values (same per-type semantics as <see cref="TermQuery"/>).</summary>
internal sealed class TermsQuery : Query
{
    private readonly FieldRef _field;
    private readonly JsonElement[] _values;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly double _boost;
    private readonly List<string> _docStrings = [];
    private readonly List<double> _docNumbers = [];
    private ResolvedField? _convertedFor;
    private HashSet<double> _numbers = [];
    private readonly OrdinalFilter _ordinals;

    public TermsQuery(string field, JsonElement[] values, double boost)
    {
        _field = new FieldRef(field);
        _values = values;
        _boost = boost;
        foreach (var value in values)
        {
            if (ResolvedField.AsString(value) is { } text)
            {
                _strings.Add(text);
            }
        }

        _ordinals = new OrdinalFilter(_strings.Contains);
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
            ConvertNumbers(field);
            _field.KeepNumbers(block, candidates, new NumberInSet(_numbers));
            return true;
        }

        return field.Kind != FieldKind.Text && _ordinals.TryKeep(_field.KeywordColumnOf(block), candidates);
    }

    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = _boost;
        var field = _field.Resolve(doc);
        if (field.IsNumeric)
        {
            ConvertNumbers(field);
            _docNumbers.Clear();
            _field.Numbers(doc, _docNumbers);
            foreach (var number in _docNumbers)
            {
                if (_numbers.Contains(number))
                {
                    return true;
                }
            }

            return false;
        }

        if (field.Kind != FieldKind.Text && _field.KeywordColumnOf(doc) is { } column
            && _ordinals.Matches(column, doc.Position) is { } matched)
        {
            return matched;
        }

        _docStrings.Clear();
        _field.Tokens(doc, _docStrings);
        foreach (var value in _docStrings)
        {
            if (_strings.Contains(value))
            {
                return true;
            }
        }

        return false;
    }

    private void ConvertNumbers(ResolvedField field)
    {
        if (!ReferenceEquals(field, _convertedFor))
        {
            _convertedFor = field;
            _numbers = [];
            foreach (var value in _values)
            {
                if (field.TryNumber(value, out var number))
                {
                    _numbers.Add(number);
                }
            }
        }
    }
}
