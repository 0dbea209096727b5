namespace ObservabilityStack.Gateway.Intake;

/// <summary>What happened to one event.</summary>
internal enum EventOutcome
{
    /// <summary>Normalised and ready to append.</summary>
    Accepted,

    /// <summary>Invalid; the reason goes into the answer and the event is dropped (counted).</summary>
    Rejected,

    /// <summary>The body asks for a service or environment the key may not write: the whole request gets 403.</summary>
    Forbidden,
}
