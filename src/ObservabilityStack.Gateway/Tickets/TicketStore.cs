using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// The tickets in force, kept in <c>{data}/tickets.json</c>. Every change is written atomically (temp
/// file, fsync, rename, mode 0600) before it is answered; a file changed by someone else (a restore, a
/// second gateway on the same directory) is re-read within a second, like the keys file.
/// </summary>
internal sealed class TicketStore : IDisposable
{
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private TicketFile _file = new();
    private (DateTime Written, long Length) _seen;

    public TicketStore(string path, ILogger logger)
    {
        _path = path;
        _logger = logger;
        Reload();
        _timer = new Timer(_ => Reload(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Runs <paramref name="read"/> under the store's lock (records must not escape it unchanged-by-copy).</summary>
    public T Read<T>(Func<TicketFile, T> read)
    {
        lock (_lock)
        {
            return read(_file);
        }
    }

    /// <summary>Runs <paramref name="change"/> under the lock and saves the file when it returns true.</summary>
    public T Write<T>(Func<TicketFile, (bool Changed, T Result)> change)
    {
        lock (_lock)
        {
            var (changed, result) = change(_file);
            if (changed)
            {
                Save();
            }

            return result;
        }
    }

    /// <summary>Re-reads the file if someone else changed it.</summary>
    public void Reload()
    {
        lock (_lock)
        {
            try
            {
                var info = new FileInfo(_path);
                var seen = info.Exists ? (info.LastWriteTimeUtc, info.Length) : default;
                if (seen == _seen)
                {
                    return;
                }

                using (var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    _file = JsonSerializer.Deserialize(stream, TicketJsonContext.Default.TicketFile) ?? new TicketFile();
                }

                _seen = seen;
                TicketLog.Loaded(_logger, _file.Tickets.Count, _path);
            }
            catch (FileNotFoundException)
            {
                _seen = default;
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                // Keep what we have: a broken file must not lose every ticket in memory.
                TicketLog.ReloadFailed(_logger, _path, ex.Message);
            }
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var tmp = _path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, _file, TicketJsonContext.Default.TicketFile);
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(tmp, _path, overwrite: true);
        var info = new FileInfo(_path);
        _seen = (info.LastWriteTimeUtc, info.Length);
    }

    /// <inheritdoc/>
    public void Dispose() => _timer.Dispose();
}
