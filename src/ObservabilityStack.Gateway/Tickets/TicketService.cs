using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Support tickets: staff create them (an upload token is shown once), customers upload log archives with
/// the token alone, staff list, download, solve and delete. Archives live under <c>{data}/tickets/{ticket}/{upload}/</c>;
/// their lines are indexed through the write-ahead log (see <see cref="TicketLineIndexer"/>).
/// </summary>
internal sealed partial class TicketService : IDisposable
{
    private readonly GatewayRuntime _runtime;
    private readonly IOptionsMonitor<GatewayOptions> _options;

    public TicketService(GatewayRuntime runtime, IOptionsMonitor<GatewayOptions> options)
    {
        _runtime = runtime;
        _options = options;
        Root = Path.Combine(runtime.DataDirectory, "tickets");
        Store = new TicketStore(Path.Combine(runtime.DataDirectory, "tickets.json"), runtime.Logger);
        Disk = new DiskSpace(runtime.Wal.DirectoryPath, Root);
    }

    /// <summary>Where archives are stored: one directory per ticket.</summary>
    public string Root { get; }

    public TicketStore Store { get; }

    public TicketMetrics Metrics { get; } = new();

    /// <summary>Free space where the log and the archives are written (checked per upload, shown on /metrics and /health/ready).</summary>
    public DiskSpace Disk { get; }

    /// <summary>Why the disks are too full for uploads, or null: a readiness problem.</summary>
    public string? DiskProblem() => Disk.Shortage(Options.MinFreeDiskBytes) is { } shortage ? "support-bundle uploads refused: " + shortage : null;

    /// <summary>Prometheus text of the tickets' counters and the disks' free bytes.</summary>
    public string RenderMetrics() => Metrics.Render(Disk.Measure(), Options.MinFreeDiskBytes);

    public TicketOptions Options => _options.CurrentValue.Tickets;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    /// <summary>Creates a ticket and its token (400 for bad names or limits, 409 when the ticket exists).</summary>
    public CreatedTicket Create(CreateTicketRequest request, Uri baseUrl)
    {
        var options = Options;
        CheckName(request.Ticket, "ticket", "HD-1234");
        CheckName(request.Platform, "platform", "shop");
        if (string.Equals(request.Ticket, "upload", StringComparison.OrdinalIgnoreCase))
        {
            throw new TicketRefusal(400, "invalid_ticket", "'upload' is reserved; choose another ticket name");
        }

        var lifetime = request.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.DefaultExpiry;
        if (lifetime <= TimeSpan.Zero || lifetime > options.MaxExpiry)
        {
            throw new TicketRefusal(400, "invalid_expiry", $"expiry must be between 1 second and {options.MaxExpiry.TotalHours:0} hours");
        }

        var maxUploads = request.MaxUploads ?? options.DefaultMaxUploads;
        if (maxUploads is < 1 or > 1000)
        {
            throw new TicketRefusal(400, "invalid_max_uploads", "max uploads must be between 1 and 1000");
        }

        var token = TicketTokens.New();
        var now = _runtime.Clock.GetUtcNow();
        var record = new TicketRecord
        {
            Ticket = request.Ticket,
            Platform = request.Platform,
            TokenHash = TicketTokens.Hash(token),
            Created = now,
            Expires = now + lifetime,
            MaxUploads = maxUploads,
        };
        Store.Write(file =>
        {
            if (file.Tickets.Exists(t => string.Equals(t.Ticket, record.Ticket, StringComparison.OrdinalIgnoreCase)))
            {
                throw new TicketRefusal(409, "ticket_exists", $"ticket {record.Ticket} already exists; solve or delete it first, or use another number");
            }

            file.Tickets.Add(record);
            return (true, 0);
        });
        Metrics.AddCreated();
        TicketLog.Created(_runtime.Logger, record.Ticket, record.Platform, record.Expires);
        var url = new Uri(options.PublicUrl is { Length: > 0 } configured ? new Uri(configured) : baseUrl, "/v1/tickets/upload/").ToString();
        return new CreatedTicket
        {
            Ticket = record.Ticket,
            Platform = record.Platform,
            Token = token,
            Expires = record.Expires,
            MaxUploads = maxUploads,
            UploadUrl = url,
            Curl = $"curl --fail-with-body -T logs.tar.gz -H \"Authorization: Ticket {token}\" {url}",
        };
    }

    public List<TicketView> List()
    {
        var now = _runtime.Clock.GetUtcNow();
        return Store.Read(file => file.Tickets.Select(t => View(t, now)).ToList());
    }

    public TicketView Get(string ticket)
    {
        var now = _runtime.Clock.GetUtcNow();
        return Store.Read(file => View(Find(file, ticket), now));
    }

    /// <summary>Marks the ticket solved: its token stops working at once.</summary>
    public TicketView Solve(string ticket)
    {
        var now = _runtime.Clock.GetUtcNow();
        var view = Store.Write(file =>
        {
            var record = Find(file, ticket);
            var changed = record.State != TicketState.Solved;
            record.State = TicketState.Solved;
            record.Solved ??= now;
            return (changed, View(record, now));
        });
        TicketLog.Changed(_runtime.Logger, view.Ticket, "solved");
        return view;
    }

    /// <summary>The stored file of an upload, for staff to download.</summary>
    public (string Path, TicketUpload Upload) Download(string ticket, string uploadId) => Store.Read(file =>
    {
        var record = Find(file, ticket);
        var upload = record.Uploads.Find(u => u.Id == uploadId)
            ?? throw new TicketRefusal(404, "upload_not_found", $"ticket {record.Ticket} has no upload {uploadId}");
        return (Path.Combine(Root, record.Ticket, upload.Id, upload.FileName), upload);
    });

    /// <summary>Why a ticket's token cannot be used now, or null when it can.</summary>
    public static string? Unusable(TicketRecord record, DateTimeOffset now, TicketOptions options) =>
        record.State == TicketState.Solved ? $"ticket {record.Ticket} is solved; ask support for a new ticket if you have more logs"
        : now >= record.Expires ? $"the upload token expired at {record.Expires.ToString("u", CultureInfo.InvariantCulture)}; ask support for a new one"
        : record.Uploads.Count >= record.MaxUploads ? $"the upload token is used up ({record.MaxUploads} uploads); ask support for a new one"
        : record.Attempts >= options.MaxAttempts ? $"the upload token is used up ({options.MaxAttempts} attempts); ask support for a new one"
        : null;

    internal static TicketRecord Find(TicketFile file, string ticket) =>
        file.Tickets.Find(t => string.Equals(t.Ticket, ticket, StringComparison.OrdinalIgnoreCase))
        ?? throw new TicketRefusal(404, "ticket_not_found", $"no ticket {ticket}; see GET /v1/tickets (obs tickets list)");

    internal static string NewUploadId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    private TicketView View(TicketRecord t, DateTimeOffset now) => new()
    {
        Ticket = t.Ticket,
        Platform = t.Platform,
        State = t.State == TicketState.Solved ? "solved"
            : now >= t.Expires ? "expired"
            : Unusable(t, now, Options) is not null ? "used_up"
            : "open",
        Created = t.Created,
        Expires = t.Expires,
        MaxUploads = t.MaxUploads,
        Attempts = t.Attempts,
        Bytes = t.Uploads.Sum(u => u.Bytes),
        Uploads = [.. t.Uploads],
    };

    private static void CheckName(string value, string what, string example)
    {
        if (string.IsNullOrEmpty(value) || !Name().IsMatch(value))
        {
            throw new TicketRefusal(400, "invalid_" + what,
                $"{what} must be 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit (e.g. {example})");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Store.Dispose();
}
