namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>The system clock moved forward by <see cref="Offset"/> (timers stay real): token expiry without waiting.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
