using ObservabilityStack.Gateway.Tickets;

namespace ObservabilityStack.Gateway.Tests.Tickets;

public sealed class LineFieldsTests
{
    [Theory]
    [InlineData("2026-11-20T10:15:30Z started", "2026-11-20T10:15:30.0000000+00:00")]
    [InlineData("2026-11-20T10:15:30.123456789+02:00 x", "2026-11-20T08:15:30.1234567+00:00")]
    [InlineData("2026-11-20 10:15:30,250 ERROR x", "2026-11-20T10:15:30.2500000+00:00")]
    [InlineData("[2026-11-20 10:15:30] INFO x", "2026-11-20T10:15:30.0000000+00:00")]
    [InlineData("2026-11-20 10:15:30 +0530 x", "2026-11-20T04:45:30.0000000+00:00")]
    public void ALeadingTimestampIsReadInUtc(string line, string expected) =>
        LineFields.TimestampOf(line)!.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);

    [Theory]
    [InlineData("   at Shop.Orders.Save()")]
    [InlineData("order 2026-11-20 10:15:30 created")]
    [InlineData("2026-13-45 99:99:99 not a date")]
    [InlineData("2026-11-20 10:15:301")]
    public void ALineWithoutALeadingValidTimestampHasNone(string line) => LineFields.TimestampOf(line).ShouldBeNull();

    [Theory]
    [InlineData("2026-11-20 10:15:30 ERROR it broke", "error")]
    [InlineData("[10:15:30 WRN] slow", "warn")]
    [InlineData("WARNING: disk", "warn")]
    [InlineData("app INFO started", "info")]
    [InlineData("CRITICAL failure", "fatal")]
    [InlineData("an Error in lower case is a word, not a level", null)]
    [InlineData("INFORMATIONAL notes only", null)]
    public void TheFirstLevelWordGivesTheLevel(string line, string? expected) => LineFields.LevelOf(line).ShouldBe(expected);
}
