using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>
/// Reads the values at a dotted path from a <c>_source</c>, accepting both nested objects
/// (<c>{"log":{"level":"x"}}</c>) and literal dotted keys (<c>{"log.level":"x"}</c>), and flattening arrays.
/// The key combinations are computed once so per-document reads do not allocate.
/// </summary>
internal sealed class PathAccessor
{
    private readonly int _count;

    // _keys[i][j] is the UTF-8 key made of segments i..i+j joined by dots (UTF-8 so lookups need no transcoding).
    private readonly byte[][][] _keys;

    public PathAccessor(string path)
    {
        Path = path;
        var segments = path.Split('.');
        _count = segments.Length;
        _keys = new byte[_count][][];
        for (var i = 0; i < _count; i++)
        {
            _keys[i] = new byte[_count - i][];
            for (var j = i; j < _count; j++)
            {
                _keys[i][j - i] = System.Text.Encoding.UTF8.GetBytes(string.Join('.', segments, i, j - i + 1));
            }
        }
    }

    /// <summary>The dotted path read.</summary>
    public string Path { get; }

    /// <summary>Adds every non-null leaf value at the path to <paramref name="output"/>.</summary>
    public void Collect(JsonElement source, List<JsonElement> output) => Walk(source, 0, output);

    private void Walk(JsonElement element, int index, List<JsonElement> output)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, index, output);
            }

            return;
        }

        if (index == _count)
        {
            if (element.ValueKind != JsonValueKind.Null)
            {
                output.Add(element);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var keys = _keys[index];
        for (var j = 0; j < keys.Length; j++)
        {
            if (element.TryGetProperty(keys[j], out var child))
            {
                Walk(child, index + j + 1, output);
            }
        }
    }
}
