using System.Text.Json;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// The receipt of an upload that is stored but not yet recorded: written (fsynced) next to the archive before the
/// archive is renamed into place and removed once the ticket records it. A crash between the two leaves it behind,
/// and it tells the start-up check which file, how many bytes and which SHA-256 were accepted.
/// </summary>
internal static class PendingUpload
{
    /// <summary>File name of the receipt in the upload's directory (a dot file, never a customer's name).</summary>
    public const string FileName = ".upload.json";

    public static void Write(string directory, TicketUpload upload)
    {
        var path = Path.Combine(directory, FileName);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(stream, upload, TicketJsonContext.Default.TicketUpload);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The receipt in <paramref name="directory"/>, or null when there is none or it cannot be read.</summary>
    public static TicketUpload? TryRead(string directory)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(directory, FileName));
            return JsonSerializer.Deserialize(stream, TicketJsonContext.Default.TicketUpload);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Remove(string directory) => File.Delete(Path.Combine(directory, FileName));
}
