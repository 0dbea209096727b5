namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Checks archive entry names and the customer's file name. Nothing is ever extracted, but a name that climbs out of the archive is refused as hostile.</summary>
internal static class EntryNames
{
    /// <summary>The entry path with <c>/</c> separators; refuses <c>..</c> segments, absolute paths, drive letters and control characters.</summary>
    public static string Check(string name)
    {
        var path = name.Replace('\\', '/');
        if (path.Length == 0 || path[0] == '/' || (path.Length > 1 && path[1] == ':') || path.Any(char.IsControl) ||
            path.Split('/').Any(segment => segment == ".."))
        {
            throw new TicketRefusal(400, "path_traversal",
                $"archive entry '{Printable(name)}' has an absolute path or '..'; archives must hold relative paths only");
        }

        return path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
    }

    /// <summary>A safe file name to store the upload under: the last segment of <paramref name="name"/>, letters, digits, <c>.-_</c> only.</summary>
    public static string StoredFileName(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        var clean = new string([.. last.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        return clean.Length is 0 or > 128 ? "upload.bin" : clean;
    }

    private static string Printable(string name)
    {
        var text = new string([.. name.Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
