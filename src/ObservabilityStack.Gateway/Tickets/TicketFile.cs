namespace ObservabilityStack.Gateway.Tickets;

/// <summary>The tickets file's content.</summary>
public sealed class TicketFile
{
    /// <summary>Every ticket not deleted.</summary>
    public List<TicketRecord> Tickets { get; set; } = [];
}
