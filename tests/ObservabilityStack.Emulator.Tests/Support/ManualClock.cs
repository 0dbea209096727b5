namespace ObservabilityStack.Emulator.Tests.Support;

/// <summary>A clock tests move by hand (Microsoft's testing TimeProvider is not in our package copy).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
