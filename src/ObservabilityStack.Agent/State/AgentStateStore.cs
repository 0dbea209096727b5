using System.Text.Json;

namespace ObservabilityStack.Agent.State;

/// <summary>
/// The state file: written to a temporary file, flushed to disk, then renamed over the old one, so a crash
/// leaves either the old or the new positions, never a torn file. Positions only move after the gateway
/// acknowledged the lines (its 202 means they are durable there), so a restart neither loses nor repeats
/// lines; a crash between the 202 and this write resends lines whose event ids the gateway already has.
/// </summary>
internal sealed class AgentStateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _path;
    private readonly Dictionary<string, FilePosition> _positions;

    public AgentStateStore(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _positions = Load(path).Files.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<FilePosition> Positions => _positions.Values;

    public long OffsetOf(string fingerprint) => _positions.TryGetValue(fingerprint, out var p) ? p.Offset : 0;

    public FilePosition? Find(string fingerprint) => _positions.GetValueOrDefault(fingerprint);

    public void Advance(string fingerprint, string path, long offset, DateTimeOffset now)
    {
        if (!_positions.TryGetValue(fingerprint, out var old) || old.Offset < offset || old.Path != path)
        {
            _positions[fingerprint] = new FilePosition { Fingerprint = fingerprint, Path = path, Offset = Math.Max(offset, old?.Offset ?? 0), UpdatedAt = now };
        }
    }

    public void Forget(string fingerprint) => _positions.Remove(fingerprint);

    public void Save()
    {
        var temporary = _path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, new AgentState { Files = [.. _positions.Values.OrderBy(p => p.Path, StringComparer.Ordinal)] }, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    private static AgentState Load(string path)
    {
        if (!File.Exists(path))
        {
            return new AgentState();
        }

        try
        {
            return JsonSerializer.Deserialize<AgentState>(File.ReadAllText(path), Json) ?? new AgentState();
        }
        catch (JsonException e)
        {
            // Starting over would resend everything; refusing to start makes the problem visible.
            throw new InvalidDataException($"The agent state file {path} is not valid JSON ({e.Message}); move it aside to start reading from the beginning.", e);
        }
    }
}
