namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Support-bundle uploads (<c>Gateway:Tickets</c>): limits on what a customer may upload with a ticket
/// token and where the indexed lines go. Re-read on configuration change, like the intake limits.
/// </summary>
public sealed class TicketOptions
{
    /// <summary>Largest upload (the archive as sent), in bytes (413 above). Default 200 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Most files in one archive (413 above). Default 10,000.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>Largest single file once decompressed, in bytes (413 above). Default 512 MiB.</summary>
    public long MaxEntryBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Largest total of all files once decompressed, in bytes (413 above: zip bombs). Default 1 GiB.</summary>
    public long MaxExpandedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Highest ratio of decompressed to uploaded bytes, checked once the expansion passes
    /// <see cref="RatioCheckAfterBytes"/> (plain logs compress 5-20 times; bombs thousands). Default 200.
    /// </summary>
    public double MaxCompressionRatio { get; set; } = 200;

    /// <summary>Decompressed bytes after which <see cref="MaxCompressionRatio"/> applies. Default 64 MiB.</summary>
    public long RatioCheckAfterBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Longest line indexed, in characters; the rest of a longer line is cut (and the document says so). Default 32,768.</summary>
    public int MaxLineChars { get; set; } = 32 * 1024;

    /// <summary>Lifetime of a new ticket's token when the request names none. Default 72 hours.</summary>
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Longest lifetime staff may give a token. Default 30 days.</summary>
    public TimeSpan MaxExpiry { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Accepted uploads per token when the request names none. Default 3.</summary>
    public int DefaultMaxUploads { get; set; } = 3;

    /// <summary>Upload attempts per token, refused ones included, before it is used up (410). Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Dataset of the data stream the lines go to (<c>logs-{dataset}-{namespace}</c>). Default <c>support</c>.</summary>
    public string Dataset { get; set; } = "support";

    /// <summary>Namespace of that data stream. Default <c>tickets</c>.</summary>
    public string Namespace { get; set; } = "tickets";

    /// <summary>How long <c>DELETE</c> waits for a ticket's lines still in the write-ahead log to be delivered before deleting them. Default 30 s.</summary>
    public int DeleteWaitSeconds { get; set; } = 30;

    /// <summary>Public base URL printed in the customer's <c>curl</c> command (e.g. <c>https://logs.example.com</c>); default the URL the request came to.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Free bytes the disks holding the write-ahead log and the ticket archives must keep: below it (counting the
    /// upload's <c>Content-Length</c>), uploads are refused with 507 and <c>/health/ready</c> reports it. Default 1 GiB.
    /// </summary>
    public long MinFreeDiskBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Age after which a temporary upload file (<c>tickets/.incoming/*.part</c>) found at start is removed; younger ones
    /// may belong to another gateway on the same directory and are only reported. Default 1 hour.
    /// </summary>
    public TimeSpan StaleUploadAge { get; set; } = TimeSpan.FromHours(1);
}
