using System.Globalization;

namespace ObservabilityStack.Emulator.Tests.Search.Support;

/// <summary>A TimeProvider frozen at a given instant, so date math like <c>now-5m</c> is deterministic.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock At(string iso) => new(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture));

    public override DateTimeOffset GetUtcNow() => now;
}
