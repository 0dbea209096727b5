namespace ObservabilityStack.Gateway.Tickets;

/// <summary>A ticket as staff see it (<c>GET /v1/tickets</c>): never the token or its hash.</summary>
public sealed class TicketView
{
    /// <summary>The ticket number.</summary>
    public string Ticket { get; set; } = string.Empty;

    /// <summary>The platform.</summary>
    public string Platform { get; set; } = string.Empty;

    /// <summary><c>open</c>, <c>expired</c>, <c>used_up</c> or <c>solved</c>.</summary>
    public string State { get; set; } = string.Empty;

    /// <summary>Creation time.</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>When the token stops (or stopped) working.</summary>
    public DateTimeOffset Expires { get; set; }

    /// <summary>Accepted uploads allowed.</summary>
    public int MaxUploads { get; set; }

    /// <summary>Upload attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Bytes of all accepted uploads.</summary>
    public long Bytes { get; set; }

    /// <summary>Accepted uploads, oldest first.</summary>
    public List<TicketUpload> Uploads { get; set; } = [];
}
