using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>Builds a <see cref="NumberColumn"/> with the field's own conversion (<see cref="ResolvedField.TryNumber"/>).</summary>
internal sealed class NumberColumnBuilder(ColumnSpec spec, int start, int length) : ColumnBuilder(spec)
{
    private readonly double[] _first = new double[length];
    private readonly ulong[] _present = Bits.For(length);
    private readonly Dictionary<int, double[]> _multi = [];
    private readonly List<double> _scratch = [];
    private bool _any;

    /// <inheritdoc/>
    public override void Add(int position, List<JsonElement> elements)
    {
        _scratch.Clear();
        FieldValues.AddNumbers(Spec.Field, elements, _scratch);
        if (_scratch.Count == 0)
        {
            return;
        }

        _any = true;
        Bits.Set(_present, position);
        _first[position] = _scratch[0];
        if (_scratch.Count > 1)
        {
            _multi[position] = [.. _scratch];
        }
    }

    /// <inheritdoc/>
    public override DocColumn Build() => _any ? new NumberColumn(start, length, _first, _present, _multi.Count > 0 ? _multi : null) : new NumberColumn(start, length, null, null, null);
}
