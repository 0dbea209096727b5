using System.Formats.Tar;
using System.IO.Compression;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Walks the files of an upload: plain text, a gzipped file, a tar (optionally gzipped) or a zip, found by
/// their magic bytes (never trusting the name). Each file's content is handed to a callback as a stream
/// that charges an <see cref="ExpansionBudget"/>; entry counts and names are checked on the way. Corrupt
/// or truncated archives become 400s, limits 413s, unknown binary formats 415s.
/// </summary>
internal static class ArchiveReader
{
    private const int SniffBytes = 8192;

    /// <summary>Calls <paramref name="onEntry"/> for each file; returns the detected format and the number of files.</summary>
    public static async Task<(string Format, int Entries)> ReadAsync(string path, string fileName, TicketOptions limits,
        Func<string, Stream, CancellationToken, Task> onEntry, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        var budget = new ExpansionBudget(limits, Math.Max(1, file.Length));
        var head = new byte[SniffBytes];
        var headLength = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        file.Position = 0;
        try
        {
            if (headLength >= 2 && head[0] == 0x1F && head[1] == 0x8B)
            {
                return await ReadGzipAsync(file, fileName, limits, budget, onEntry, cancellationToken).ConfigureAwait(false);
            }

            if (headLength >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] is 3 or 5 && head[3] is 4 or 6)
            {
                return ("zip", await ReadZipAsync(file, limits, budget, onEntry, cancellationToken).ConfigureAwait(false));
            }

            if (IsTarHeader(head.AsSpan(0, headLength)))
            {
                return ("tar", await ReadTarAsync(file, limits, budget, onEntry, cancellationToken).ConfigureAwait(false));
            }

            if (!TextSniffer.LooksLikeText(head.AsSpan(0, headLength)))
            {
                throw new TicketRefusal(415, "unsupported_format",
                    "the upload is neither text nor a .gz, .tar, .tar.gz/.tgz or .zip archive");
            }

            await onEntry(fileName, new BudgetedStream(file, budget), cancellationToken).ConfigureAwait(false);
            return ("text", 1);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new TicketRefusal(400, "corrupt_archive", $"the archive is damaged or truncated ({ex.Message}); create it again and re-upload");
        }
        catch (NotSupportedException ex)
        {
            throw new TicketRefusal(415, "unsupported_format",
                $"the archive uses a feature the gateway cannot read ({ex.Message}); send a plain (deflate, unencrypted) zip or a .tar.gz");
        }
    }

    private static async Task<(string, int)> ReadGzipAsync(FileStream file, string fileName, TicketOptions limits, ExpansionBudget budget,
        Func<string, Stream, CancellationToken, Task> onEntry, CancellationToken cancellationToken)
    {
        // Peek at the decompressed start to tell a .tar.gz from a single gzipped file, then start over.
        var head = new byte[512];
        int headLength;
        await using (var peek = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true))
        {
            headLength = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        file.Position = 0;
        await using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        var checkedGzip = new GzipCheckStream(gzip);
        string format;
        var entries = 1;
        if (IsTarHeader(head.AsSpan(0, headLength)))
        {
            format = "tar.gz";
            entries = await ReadTarAsync(checkedGzip, limits, budget, onEntry, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            format = "gzip";
            var inner = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
            await onEntry(inner.Length == 0 ? "upload.log" : inner, new BudgetedStream(checkedGzip, budget), cancellationToken).ConfigureAwait(false);
        }

        // Whatever follows (tar padding, or what a callback left unread) still counts against the budget and the checksum.
        await new BudgetedStream(checkedGzip, budget).CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        checkedGzip.Verify(file);
        return (format, entries);
    }

    private static async Task<int> ReadTarAsync(Stream stream, TicketOptions limits, ExpansionBudget budget,
        Func<string, Stream, CancellationToken, Task> onEntry, CancellationToken cancellationToken)
    {
        await using var tar = new TarReader(stream, leaveOpen: true);
        var entries = 0;
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var name = EntryNames.Check(entry.Name);
            if (++entries > limits.MaxEntries)
            {
                throw TooManyEntries(limits);
            }

            // Directories, links and devices carry no log lines; links are never followed.
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
            {
                await onEntry(name, new BudgetedStream(data, budget), cancellationToken).ConfigureAwait(false);
            }
        }

        return entries;
    }

    private static async Task<int> ReadZipAsync(FileStream file, TicketOptions limits, ExpansionBudget budget,
        Func<string, Stream, CancellationToken, Task> onEntry, CancellationToken cancellationToken)
    {
        var declared = ZipDirectory.EntryCount(file) ?? throw new InvalidDataException("no zip end-of-central-directory record");
        if (declared > limits.MaxEntries)
        {
            throw TooManyEntries(limits);
        }

        await using var zip = await ZipArchive.CreateAsync(file, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken)
            .ConfigureAwait(false);
        if (zip.Entries.Count > limits.MaxEntries)
        {
            throw TooManyEntries(limits);
        }

        // Every name is checked before any content is read: one hostile entry refuses the whole archive.
        var names = zip.Entries.Select(e => EntryNames.Check(e.FullName)).ToList();
        for (var i = 0; i < zip.Entries.Count; i++)
        {
            var entry = zip.Entries[i];
            if (names[i].EndsWith('/'))
            {
                continue;
            }

            await using var data = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
            await onEntry(names[i], new BudgetedStream(data, budget), cancellationToken).ConfigureAwait(false);
        }

        return zip.Entries.Count;
    }

    private static bool IsTarHeader(ReadOnlySpan<byte> head) => head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8);

    private static TicketRefusal TooManyEntries(TicketOptions limits) =>
        new(413, "too_many_entries", $"the archive holds more than {limits.MaxEntries} files");
}
