namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Answer to <c>DELETE /v1/tickets/{ticket}</c>.</summary>
public sealed class DeletedTicket
{
    /// <summary>The deleted ticket.</summary>
    public string Ticket { get; set; } = string.Empty;

    /// <summary>Stored files removed.</summary>
    public int Files { get; set; }

    /// <summary>Indexed documents removed.</summary>
    public long Documents { get; set; }
}
