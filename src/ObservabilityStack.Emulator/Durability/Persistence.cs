using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Durability;

/// <summary>
/// Makes the emulator durable under a data directory: <c>metadata.json</c> (indices, aliases, data streams,
/// templates, policies; replaced atomically on every change) and one write log per index under <c>indices/</c>,
/// replayed on start.
/// </summary>
internal sealed class Persistence : IDisposable
{
    private readonly string _directory;
    private readonly Cluster _cluster;
    private readonly Lock _saveLock = new();

    private Persistence(string directory, Cluster cluster)
    {
        _directory = directory;
        _cluster = cluster;
    }

    /// <summary>Records cut from torn log tails at start-up (visible for tests and diagnostics).</summary>
    public long TruncatedBytes { get; private set; }

    public static Persistence Open(string directory, Cluster cluster)
    {
        Directory.CreateDirectory(Path.Combine(directory, "indices"));
        var persistence = new Persistence(directory, cluster);
        persistence.Load();
        cluster.LogFactory = index => new DocumentLogFile(persistence.LogPath(index));
        foreach (var index in cluster.AllIndices)
        {
            index.Log = new DocumentLogFile(persistence.LogPath(index));
        }

        cluster.MetadataChanged += persistence.Save;
        cluster.Templates.Changed += persistence.Save;
        cluster.Policies.Changed += persistence.Save;
        cluster.IndexRemoved += index => File.Delete(persistence.LogPath(index));
        persistence.Save();
        return persistence;
    }

    private string LogPath(EsIndex index) => Path.Combine(_directory, "indices", index.Uuid + ".log");

    private string MetadataPath => Path.Combine(_directory, "metadata.json");

    private void Load()
    {
        if (!File.Exists(MetadataPath))
        {
            return;
        }

        var root = JsonNode.Parse(File.ReadAllBytes(MetadataPath)) as JsonObject ?? [];
        MetadataSnapshot.Restore(root, _cluster);
        foreach (var index in _cluster.AllIndices)
        {
            TruncatedBytes += DocumentLogFile.Replay(LogPath(index), (op, id, seqNo, version, source) =>
            {
                try
                {
                    index.Replay(id, source, op != DocumentLogFile.IndexOp, seqNo, version);
                }
                catch (EmulatorException)
                {
                    // A record the current mapping rejects cannot have been acknowledged under it; skip it.
                }
            });
            index.Refresh();
        }
    }

    public void Save()
    {
        lock (_saveLock)
        {
            var json = MetadataSnapshot.Capture(_cluster);
            var temp = MetadataPath + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            using (var writer = new Utf8JsonWriter(stream))
            {
                json.WriteTo(writer);
            }

            File.Move(temp, MetadataPath, overwrite: true);
        }
    }

    public void Dispose()
    {
        foreach (var index in _cluster.AllIndices)
        {
            index.Log?.Flush();
            index.Log?.Dispose();
        }
    }
}
