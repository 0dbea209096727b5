namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Answer to <c>POST /v1/tickets</c>: the only time the upload token is shown.</summary>
public sealed class CreatedTicket
{
    /// <summary>The ticket number.</summary>
    public string Ticket { get; set; } = string.Empty;

    /// <summary>The platform.</summary>
    public string Platform { get; set; } = string.Empty;

    /// <summary>The upload token (<c>obt_</c> + 256 random bits, base64url). Never stored, never shown again.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>When the token stops working.</summary>
    public DateTimeOffset Expires { get; set; }

    /// <summary>Accepted uploads allowed.</summary>
    public int MaxUploads { get; set; }

    /// <summary>Where the customer uploads to.</summary>
    public string UploadUrl { get; set; } = string.Empty;

    /// <summary>The exact command the customer runs (file name to replace).</summary>
    public string Curl { get; set; } = string.Empty;
}
