using System.Text.Json.Serialization;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>A support ticket as stored in <c>tickets.json</c>: only the SHA-256 of its upload token is kept.</summary>
public sealed class TicketRecord
{
    /// <summary>The help-desk ticket number, e.g. <c>HD-1234</c>.</summary>
    public string Ticket { get; set; } = string.Empty;

    /// <summary>The product (platform) the customer runs, e.g. <c>shop</c>.</summary>
    public string Platform { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the upload token.</summary>
    public string TokenHash { get; set; } = string.Empty;

    /// <summary>Open or solved.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<TicketState>))]
    public TicketState State { get; set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>When the token stops working.</summary>
    public DateTimeOffset Expires { get; set; }

    /// <summary>When staff marked the ticket solved, if they did.</summary>
    public DateTimeOffset? Solved { get; set; }

    /// <summary>Accepted uploads allowed for the token.</summary>
    public int MaxUploads { get; set; }

    /// <summary>Upload attempts so far, refused ones included.</summary>
    public int Attempts { get; set; }

    /// <summary>Accepted uploads, oldest first.</summary>
    public List<TicketUpload> Uploads { get; set; } = [];
}
