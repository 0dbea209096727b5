namespace ObservabilityStack.Gateway.Tickets;

/// <summary>A request the tickets feature refuses: the HTTP status, a stable kind (the metric label) and a reason for people.</summary>
internal sealed class TicketRefusal : Exception
{
    public TicketRefusal(int status, string kind, string reason)
        : base(reason)
    {
        Status = status;
        Kind = kind;
    }

    public TicketRefusal()
    {
        Kind = string.Empty;
    }

    public TicketRefusal(string message)
        : base(message)
    {
        Kind = string.Empty;
    }

    public TicketRefusal(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = string.Empty;
    }

    public int Status { get; }

    public string Kind { get; }
}
