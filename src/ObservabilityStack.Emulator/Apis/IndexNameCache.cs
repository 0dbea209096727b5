using System.Text.Json;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>
/// The <c>_index</c> of bulk action lines as strings, reusing the last one when the bytes repeat (they nearly
/// always do: a bulk request usually targets one index), so a line does not cost a new string.
/// </summary>
internal sealed class IndexNameCache
{
    private byte[] _lastBytes = [];
    private string? _last;

    /// <summary>The current string token's value.</summary>
    public string? Get(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString();
        }

        if (_last is not null && reader.ValueSpan.SequenceEqual(_lastBytes))
        {
            return _last;
        }

        _lastBytes = reader.ValueSpan.ToArray();
        _last = reader.GetString();
        return _last;
    }
}
