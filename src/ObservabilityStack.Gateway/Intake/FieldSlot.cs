namespace ObservabilityStack.Gateway.Intake;

/// <summary>Where a recognised field belongs in the normalised document.</summary>
internal enum FieldSlot : byte
{
    Other,
    Timestamp,
    Message,
    Level,
    ServiceName,
    ServiceEnvironment,
    ServiceOther,
    EventId,
    EventIngested,
    EventOther,
    LogOther,
    Reserved,
}
