using ObservabilityStack.Elasticsearch.Provisioning;

namespace ObservabilityStack.Cli.Features.Bootstrap;

/// <summary>
/// Stores secrets as files <c>DIR/NAME</c> readable only by the owner (0600 in a 0700 folder), the
/// shape Docker secrets and <c>*_FILE</c> variables expect. Contents are never printed.
/// </summary>
internal sealed class FileSecretStore : ISecretStore
{
    private readonly string _directory;
    private readonly IReadOnlySet<string> _rejected;

    /// <summary>
    /// Creates a store over <paramref name="directory"/> (created on first write). Secrets named in
    /// <paramref name="rejected"/> (keys the cluster refuses) count as missing, so they get replaced.
    /// </summary>
    public FileSecretStore(string directory, IReadOnlySet<string>? rejected = null)
    {
        _directory = directory;
        _rejected = rejected ?? new HashSet<string>();
    }

    /// <inheritdoc/>
    public bool Contains(string name) => !_rejected.Contains(name) && File.Exists(Path.Combine(_directory, name));

    /// <inheritdoc/>
    public async Task<string> StoreAsync(string name, string secret, CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_directory);
        }
        else
        {
            Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Path.Combine(_directory, name);
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // Write then rename, so a reader never sees half a key.
        await using (var stream = new FileStream(temp, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(secret.AsMemory(), cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
        return $"written to {path}";
    }
}
