using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>Builds a <see cref="KeywordColumn"/>: ordinals in first-seen order, renumbered to string order at the end.</summary>
internal sealed class KeywordColumnBuilder(ColumnSpec spec, int start, int length) : ColumnBuilder(spec)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly int[] _ordinals = new int[length];
    private readonly Dictionary<int, int[]> _multi = [];
    private readonly List<string> _scratch = [];
    private readonly StringPool _pool = new();

    /// <inheritdoc/>
    public override void Add(int position, List<JsonElement> elements)
    {
        _scratch.Clear();
        FieldValues.AddStrings(elements, _scratch, _pool);
        switch (_scratch.Count)
        {
            case 0:
                _ordinals[position] = KeywordColumn.Missing;
                return;
            case 1:
                _ordinals[position] = IdOf(_scratch[0]);
                return;
        }

        var ids = new int[_scratch.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = IdOf(_scratch[i]);
        }

        _ordinals[position] = KeywordColumn.Multiple;
        _multi[position] = ids;
    }

    /// <inheritdoc/>
    public override DocColumn Build()
    {
        if (_terms.Count == 0)
        {
            return new KeywordColumn(start, length, [], null, null);
        }

        var sorted = _terms.ToArray();
        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order, StringComparer.Ordinal);
        var renumber = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            renumber[order[i]] = i;
        }

        for (var p = 0; p < _ordinals.Length; p++)
        {
            if (_ordinals[p] >= 0)
            {
                _ordinals[p] = renumber[_ordinals[p]];
            }
        }

        foreach (var ids in _multi.Values)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = renumber[ids[i]];
            }
        }

        return new KeywordColumn(start, length, sorted, _ordinals, _multi.Count > 0 ? _multi : null);
    }

    private int IdOf(string value)
    {
        if (!_ids.TryGetValue(value, out var id))
        {
            id = _terms.Count;
            _ids[value] = id;
            _terms.Add(value);
        }

        return id;
    }
}
