using System.Globalization;

namespace ObservabilityStack.Gateway.Wal;

/// <summary>The persisted "delivered up to here" log position, replaced atomically by rename.</summary>
internal sealed class WalCheckpoint
{
    private readonly string _path;

    public WalCheckpoint(string directory) => _path = Path.Combine(directory, "checkpoint");

    public long Load()
    {
        if (!File.Exists(_path))
        {
            return 0;
        }

        var text = File.ReadAllText(_path).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    public void Save(long position)
    {
        // Not fsynced on purpose: a stale checkpoint only replays delivered events, which come back as 409s.
        var tmp = _path + ".tmp";
        File.WriteAllText(tmp, position.ToString(CultureInfo.InvariantCulture));
        File.Move(tmp, _path, overwrite: true);
    }
}
