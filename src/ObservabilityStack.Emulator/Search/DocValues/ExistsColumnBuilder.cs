using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.DocValues;

/// <summary>Builds an <see cref="ExistsColumn"/>: any element collected means the field exists, as in the source path.</summary>
internal sealed class ExistsColumnBuilder(ColumnSpec spec, int start, int length) : ColumnBuilder(spec)
{
    private readonly ulong[] _bits = Bits.For(length);
    private bool _any;

    /// <inheritdoc/>
    public override void Add(int position, List<JsonElement> elements)
    {
        if (elements.Count > 0)
        {
            Bits.Set(_bits, position);
            _any = true;
        }
    }

    /// <inheritdoc/>
    public override DocColumn Build() => new ExistsColumn(start, length, _any ? _bits : null);
}
