namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Body of <c>POST /v1/tickets</c>.</summary>
public sealed class CreateTicketRequest
{
    /// <summary>Help-desk ticket number: 1-64 letters, digits, <c>.</c>, <c>_</c> or <c>-</c>.</summary>
    public string Ticket { get; set; } = string.Empty;

    /// <summary>Platform (product) name, same characters as the ticket.</summary>
    public string Platform { get; set; } = string.Empty;

    /// <summary>Token lifetime in seconds; default <see cref="TicketOptions.DefaultExpiry"/>.</summary>
    public long? ExpiresInSeconds { get; set; }

    /// <summary>Accepted uploads allowed; default <see cref="TicketOptions.DefaultMaxUploads"/>.</summary>
    public int? MaxUploads { get; set; }
}
