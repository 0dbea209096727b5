using System.Globalization;

namespace ObservabilityStack.Serilog.Sinks.Durable;

/// <summary>File naming and the checkpoint file of the durable buffer.</summary>
internal static class SegmentFiles
{
    private const string Extension = ".seg";
    private const string CheckpointName = "checkpoint";

    public static string PathOf(string directory, long segment) =>
        Path.Combine(directory, segment.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    public static SortedDictionary<long, long> List(string directory)
    {
        var segments = new SortedDictionary<long, long>();
        foreach (var file in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                segments[number] = new FileInfo(file).Length;
            }
        }

        return segments;
    }

    public static BufferPosition? ReadCheckpoint(string directory)
    {
        var path = Path.Combine(directory, CheckpointName);
        if (!File.Exists(path))
        {
            return null;
        }

        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var segment)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? new BufferPosition(segment, offset)
            : null;
    }

    /// <summary>Writes the checkpoint atomically (temp file + rename), so a crash leaves the old or the new one.</summary>
    public static void WriteCheckpoint(string directory, BufferPosition position)
    {
        var path = Path.Combine(directory, CheckpointName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, string.Create(CultureInfo.InvariantCulture, $"{position.Segment} {position.Offset}"));
        File.Move(temp, path, overwrite: true);
    }
}
