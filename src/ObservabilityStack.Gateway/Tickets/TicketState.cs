namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Where a ticket is in its life.</summary>
public enum TicketState
{
    /// <summary>Accepting uploads until its token expires or is used up.</summary>
    Open,

    /// <summary>Marked solved by staff: the token no longer works; archives and documents are kept.</summary>
    Solved,
}
