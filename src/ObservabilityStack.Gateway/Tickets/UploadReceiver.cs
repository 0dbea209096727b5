using System.Security.Cryptography;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Streams a request body to a temporary file (never to memory), hashing it on the way, and fsyncs it.</summary>
internal static class UploadReceiver
{
    /// <summary>Writes <paramref name="body"/> to <paramref name="path"/>; 413 past <paramref name="maxBytes"/> (the file is removed).</summary>
    public static async Task<(long Bytes, string Sha256)> ReceiveAsync(Stream body, string path, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true);
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new TicketRefusal(413, "upload_too_large", $"the upload is larger than the {maxBytes} bytes allowed; split it or ask support for a larger limit");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            // On disk before anything is acknowledged: the 201 promises the archive survives a crash.
            file.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
