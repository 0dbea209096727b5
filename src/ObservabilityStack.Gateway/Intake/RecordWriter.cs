namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// Appends bytes to a span sized in advance for the whole log record: the normalised document is
/// assembled from raw slices of the input (already validated by the scanner) and a few fixed fields,
/// with no JSON writer and no intermediate buffer.
/// </summary>
internal ref struct RecordWriter
{
    private readonly Span<byte> _buffer;
    private int _at;

    public RecordWriter(Span<byte> buffer, int start)
    {
        _buffer = buffer;
        _at = start;
    }

    /// <summary>Bytes written so far, counted from the start of the span.</summary>
    public readonly int Position => _at;

    public void Raw(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[_at..]);
        _at += bytes.Length;
    }

    public void Byte(byte value) => _buffer[_at++] = value;

    /// <summary>A JSON string whose content is already escaped.</summary>
    public void Quoted(scoped ReadOnlySpan<byte> escaped)
    {
        _buffer[_at++] = (byte)'"';
        Raw(escaped);
        _buffer[_at++] = (byte)'"';
    }

    /// <summary><c>"name":</c> with an already escaped name.</summary>
    public void Name(scoped ReadOnlySpan<byte> escaped)
    {
        Quoted(escaped);
        _buffer[_at++] = (byte)':';
    }
}
