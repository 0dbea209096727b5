using System.Security.Cryptography;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>The start-up check for uploads a crash left behind (see docs/tickets.md "Crashes").</summary>
internal sealed partial class TicketService
{
    /// <summary>
    /// Finds what a crash left: upload directories no ticket records, and temporary files of interrupted uploads.
    /// An upload whose pending receipt matches its file (bytes and SHA-256) was complete and checked before the
    /// crash, so it is indexed and recorded (marked <c>recovered</c>); anything else unrecorded is moved to
    /// <c>tickets/.quarantine/</c>, never deleted. Temporary files older than <see cref="TicketOptions.StaleUploadAge"/>
    /// are removed. Every finding is logged and counted.
    /// </summary>
    public async Task<StartupFindings> CheckStartupAsync(CancellationToken cancellationToken)
    {
        var findings = new StartupFindings();
        if (Directory.Exists(Root))
        {
            foreach (var ticketDirectory in Directory.EnumerateDirectories(Root).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList())
            {
                foreach (var uploadDirectory in Directory.EnumerateDirectories(ticketDirectory).ToList())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        await CheckUploadDirectoryAsync(Path.GetFileName(ticketDirectory), uploadDirectory, findings);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // A leftover must not keep the gateway from starting: reported, left where it is for people.
                        CheckFailed(findings, uploadDirectory, ex);
                    }
                }
            }
        }

        // After the directories: a complete .part whose receipt is already in place was moved in above.
        try
        {
            RemoveStaleTemporaryFiles(findings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CheckFailed(findings, Path.Combine(Root, ".incoming"), ex);
        }

        if (findings.Any)
        {
            TicketLog.StartupChecked(_runtime.Logger, findings.Recovered, findings.Quarantined, findings.TempRemoved, findings.TempKept, findings.Failed);
        }

        return findings;
    }

    private void CheckFailed(StartupFindings findings, string path, Exception ex)
    {
        findings.Failed++;
        Metrics.AddStartupFinding("check_failed");
        TicketLog.StartupCheckFailed(_runtime.Logger, path, ex.Message);
    }

    private async Task CheckUploadDirectoryAsync(string ticketName, string directory, StartupFindings findings)
    {
        var id = Path.GetFileName(directory);
        var record = Store.Read(file => file.Tickets.Find(t => string.Equals(t.Ticket, ticketName, StringComparison.OrdinalIgnoreCase)) is { } t
            ? (t.Ticket, t.Platform, Known: t.Uploads.Exists(u => u.Id == id))
            : default);
        if (record.Known)
        {
            PendingUpload.Remove(directory); // the crash came after the record: only the receipt is left over
            return;
        }

        if (!Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory); // the crash came before anything was written into it
            return;
        }

        var why = record.Ticket is null ? $"ticket {ticketName} has no record (deleted while the upload was stored?)" : await TryRecoverAsync(record.Ticket, record.Platform, directory);
        if (why is null)
        {
            findings.Recovered++;
            Metrics.AddStartupFinding("recovered");
            return;
        }

        var target = Quarantine(ticketName, directory);
        findings.Quarantined++;
        Metrics.AddStartupFinding("quarantined");
        TicketLog.UploadQuarantined(_runtime.Logger, ticketName, id, why, target);
    }

    /// <summary>Records the upload in <paramref name="directory"/> when its receipt vouches for its file; else why not.</summary>
    private async Task<string?> TryRecoverAsync(string ticket, string platform, string directory)
    {
        var id = Path.GetFileName(directory);
        if (PendingUpload.TryRead(directory) is not { } upload || upload.Id != id || upload.FileName != EntryNames.StoredFileName(upload.FileName))
        {
            return "no readable receipt: the upload was never checked (or was stored by an older gateway)";
        }

        var stored = Path.Combine(directory, upload.FileName);
        var incoming = Path.Combine(Root, ".incoming", id + ".part");
        if (!File.Exists(stored) && File.Exists(incoming) && Matches(incoming, upload) is null)
        {
            File.Move(incoming, stored); // the crash came between the receipt and the rename
        }

        if (Matches(stored, upload) is { } mismatch)
        {
            return mismatch;
        }

        try
        {
            upload.Recovered = true;
            await IndexAndRecordAsync(ticket, platform, directory, upload);
        }
        catch (Exception ex) when (ex is TicketRefusal or IOException or InvalidDataException)
        {
            return $"indexing it again failed: {ex.Message}";
        }

        TicketLog.UploadRecovered(_runtime.Logger, ticket, id, upload.Bytes, upload.Lines);
        return null;
    }

    private static string? Matches(string path, TicketUpload upload)
    {
        if (!File.Exists(path))
        {
            return $"the archive {upload.FileName} is missing";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        if (stream.Length != upload.Bytes)
        {
            return $"the archive has {stream.Length} bytes, its receipt says {upload.Bytes}";
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        return sha256 == upload.Sha256 ? null : $"the archive's SHA-256 {sha256} differs from its receipt's {upload.Sha256}";
    }

    private string Quarantine(string ticket, string directory)
    {
        var parent = Path.Combine(Root, ".quarantine", ticket);
        Directory.CreateDirectory(parent);
        var target = Path.Combine(parent, Path.GetFileName(directory));
        for (var n = 2; Directory.Exists(target); n++)
        {
            target = Path.Combine(parent, $"{Path.GetFileName(directory)}-{n}");
        }

        Directory.Move(directory, target);
        if (!Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(directory)!).Any())
        {
            Directory.Delete(Path.GetDirectoryName(directory)!);
        }

        return target;
    }

    private void RemoveStaleTemporaryFiles(StartupFindings findings)
    {
        var incoming = Path.Combine(Root, ".incoming");
        if (!Directory.Exists(incoming))
        {
            return;
        }

        var now = _runtime.Clock.GetUtcNow().UtcDateTime;
        foreach (var part in Directory.EnumerateFiles(incoming).ToList())
        {
            var age = now - File.GetLastWriteTimeUtc(part);
            if (age >= Options.StaleUploadAge)
            {
                File.Delete(part);
                findings.TempRemoved++;
                Metrics.AddStartupFinding("temp_removed");
                TicketLog.TemporaryFileRemoved(_runtime.Logger, part, age);
            }
            else
            {
                // Maybe another gateway's upload in progress on the same directory: reported, left alone.
                findings.TempKept++;
                Metrics.AddStartupFinding("temp_kept");
                TicketLog.TemporaryFileKept(_runtime.Logger, part, age);
            }
        }
    }
}
