namespace ObservabilityStack.Tests.Shared;

/// <summary>
/// A clock that stands still until a test moves it (Microsoft's testing TimeProvider is not in our package copy).
/// Timers are the system's; a test that needs timers fired by the clock uses a provider of its own.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>Starts at 2026-11-21 12:00 UTC.</summary>
    public ManualClock()
        : this(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset to) => _now = to;
}
