namespace ObservabilityStack.Gateway.Tickets;

/// <summary>A customer's upload: token, receive, check, store, index.</summary>
internal sealed partial class TicketService
{
    /// <summary>
    /// Accepts one upload for the ticket whose token is in <paramref name="authorization"/>. The archive is on
    /// disk (fsynced, renamed into place) and its lines in the write-ahead log before this returns.
    /// </summary>
    public async Task<UploadReceipt> UploadAsync(string authorization, Stream body, long? contentLength, string? fileName,
        CancellationToken cancellationToken)
    {
        var options = Options;
        var token = TicketTokens.From(authorization)
            ?? throw new TicketRefusal(401, "missing_token", "an upload token is required: -H \"Authorization: Ticket <token>\"");
        var hash = TicketTokens.Hash(token);
        var now = _runtime.Clock.GetUtcNow();
        var shortage = Disk.Shortage(options.MinFreeDiskBytes, contentLength ?? 0);
        var (ticket, platform) = Store.Write(file =>
        {
            var record = file.Tickets.Find(t => t.TokenHash == hash)
                ?? throw new TicketRefusal(401, "invalid_token", "the upload token is unknown (mistyped, or its ticket was deleted)");
            if (Unusable(record, now, options) is { } reason)
            {
                throw new TicketRefusal(410, now >= record.Expires ? "token_expired" : "token_used_up", reason);
            }

            // The server's shortage, not the customer's doing: refused before the attempt is counted.
            if (shortage is not null)
            {
                throw new TicketRefusal(507, "insufficient_storage", $"the gateway is short of disk space ({shortage}); support has been alerted, try again later");
            }

            // Every attempt counts, refused archives included: a token cannot be used to probe forever.
            record.Attempts++;
            return (true, (record.Ticket, record.Platform));
        });
        if (contentLength > options.MaxUploadBytes)
        {
            throw new TicketRefusal(413, "upload_too_large", $"the upload is larger than the {options.MaxUploadBytes} bytes allowed");
        }

        var id = NewUploadId(now);
        var name = EntryNames.StoredFileName(fileName);
        var incoming = Path.Combine(Root, ".incoming", id + ".part");
        var directory = Path.Combine(Root, ticket, id);
        var (bytes, sha256) = await UploadReceiver.ReceiveAsync(body, incoming, options.MaxUploadBytes, cancellationToken);
        var recorded = false;
        try
        {
            if (bytes == 0)
            {
                throw new TicketRefusal(400, "empty_upload", "the upload is empty; pass the file with curl -T FILE");
            }

            // First pass checks the whole archive (names, counts, sizes, integrity) before a single line is indexed.
            var (format, entries) = await ArchiveReader.ReadAsync(incoming, name, options, static (_, s, c) => s.CopyToAsync(Stream.Null, c), cancellationToken);
            Store.Read(file =>
            {
                var record = Find(file, ticket);
                return Unusable(record, now, options) is { } reason && record.State == TicketState.Solved
                    ? throw new TicketRefusal(410, "token_used_up", reason)
                    : 0;
            });
            Directory.CreateDirectory(directory);

            // The receipt goes first: a crash after the rename leaves a file the start-up check can verify and record.
            var upload = new TicketUpload { Id = id, FileName = name, Bytes = bytes, Sha256 = sha256, Format = format, Entries = entries, Received = now };
            PendingUpload.Write(directory, upload);
            File.Move(incoming, Path.Combine(directory, name));

            // From here on the upload is accepted: a client that disconnects must not leave it half indexed.
            await IndexAndRecordAsync(ticket, platform, directory, upload);
            recorded = true;
            Metrics.AddAccepted(bytes, upload.Lines);
            TicketLog.UploadAccepted(_runtime.Logger, ticket, id, bytes, entries, upload.Lines);
            return new UploadReceipt { Ticket = ticket, Upload = upload };
        }
        finally
        {
            File.Delete(incoming);
            if (!recorded && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>
    /// Indexes the lines of a stored upload through the write-ahead log, then records it in the ticket and drops its
    /// pending receipt. Line ids depend on ticket, upload, file and line only, so indexing again after a crash
    /// overwrites what the first attempt delivered instead of duplicating it.
    /// </summary>
    private async Task IndexAndRecordAsync(string ticket, string platform, string directory, TicketUpload upload)
    {
        using var indexer = new TicketLineIndexer(_runtime, Options, ticket, platform, upload.Id, upload.Received);
        await ArchiveReader.ReadAsync(Path.Combine(directory, upload.FileName), upload.FileName, Options, indexer.IndexAsync, CancellationToken.None);
        await indexer.FlushAsync();
        upload.Lines = indexer.Lines;
        upload.Skipped = indexer.Skipped;
        upload.LogEnd = _runtime.Wal.DurablePosition;
        Store.Write(file =>
        {
            Find(file, ticket).Uploads.Add(upload);
            return (true, 0);
        });
        PendingUpload.Remove(directory);
    }
}
