using System.Security.Cryptography;

namespace ObservabilityStack.Agent.Reading;

/// <summary>
/// A file's identity by content: a hash of its first line. It survives a rename (log rotation moves the
/// file, the identity stays) and changes when a new file takes the name, which is how rotation is seen
/// without inode numbers (not exposed by .NET). A file whose first line is not complete yet has none.
/// </summary>
internal static class FileFingerprint
{
    private const int MaxPrefix = 1024;

    public static string? Of(Stream stream)
    {
        var buffer = new byte[MaxPrefix];
        stream.Seek(0, SeekOrigin.Begin);
        var read = stream.ReadAtLeast(buffer, MaxPrefix, throwOnEndOfStream: false);
        var newline = Array.IndexOf(buffer, (byte)'\n', 0, read);
        var length = newline >= 0 ? newline + 1 : read == MaxPrefix ? MaxPrefix : -1;
        return length < 0 ? null : Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)).AsSpan(0, 8));
    }

    public static string? Of(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Of(stream);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
