namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Free space on the disks holding the write-ahead log and the ticket archives, read on demand (one
/// <c>statvfs</c> each: cheap enough for every upload, <c>/metrics</c> scrape and readiness probe).
/// </summary>
internal sealed class DiskSpace
{
    private readonly (string Name, string Path)[] _directories;

    public DiskSpace(string walDirectory, string ticketDirectory)
    {
        _directories = [("wal", walDirectory), ("tickets", ticketDirectory)];
    }

    /// <summary>Free bytes per directory (null when the file system cannot tell, e.g. the directory vanished).</summary>
    public IReadOnlyList<(string Name, string Path, long? FreeBytes)> Measure()
    {
        var result = new (string, string, long?)[_directories.Length];
        for (var i = 0; i < _directories.Length; i++)
        {
            var (name, path) = _directories[i];
            result[i] = (name, path, FreeBytes(path));
        }

        return result;
    }

    /// <summary>Why a write of <paramref name="incomingBytes"/> would leave less than <paramref name="minimum"/> free, or null when it would not.</summary>
    public string? Shortage(long minimum, long incomingBytes = 0)
    {
        foreach (var (name, path, free) in Measure())
        {
            if (free is { } bytes && bytes - incomingBytes < minimum)
            {
                return incomingBytes > 0
                    ? $"{bytes} bytes free on the {name} disk ({path}); {incomingBytes} more would leave less than the {minimum} bytes kept free"
                    : $"{bytes} bytes free on the {name} disk ({path}), below the {minimum} bytes kept free";
            }
        }

        return null;
    }

    private static long? FreeBytes(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            return new DriveInfo(path).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
