namespace ObservabilityStack.Gateway.Tickets;

/// <summary>One accepted upload of a ticket, as stored in the tickets file and shown to staff.</summary>
public sealed class TicketUpload
{
    /// <summary>Upload id (time-ordered), also its directory under <c>tickets/{ticket}/</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>File name the archive is stored under (the customer's name, cleaned).</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>Bytes as uploaded.</summary>
    public long Bytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes as uploaded.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Detected format: <c>text</c>, <c>gzip</c>, <c>tar</c>, <c>tar.gz</c> or <c>zip</c>.</summary>
    public string Format { get; set; } = string.Empty;

    /// <summary>Files found in the upload (1 for a plain or gzipped file).</summary>
    public int Entries { get; set; }

    /// <summary>Lines written for indexing.</summary>
    public long Lines { get; set; }

    /// <summary>Files not indexed because they are not text (still stored in the archive).</summary>
    public List<string> Skipped { get; set; } = [];

    /// <summary>When the upload was accepted.</summary>
    public DateTimeOffset Received { get; set; }

    /// <summary>Write-ahead-log position after its lines: delete waits until delivery has passed it.</summary>
    public long LogEnd { get; set; }

    /// <summary>True when the gateway found this upload stored but unrecorded at start (a crash before its 201) and recorded it then.</summary>
    public bool? Recovered { get; set; }
}
