namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Answer to an accepted upload (201).</summary>
public sealed class UploadReceipt
{
    /// <summary>The ticket the upload belongs to.</summary>
    public string Ticket { get; set; } = string.Empty;

    /// <summary>What was stored and indexed, with its SHA-256.</summary>
    public TicketUpload Upload { get; set; } = new();
}
