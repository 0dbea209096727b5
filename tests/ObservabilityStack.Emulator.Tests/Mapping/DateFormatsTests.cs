using ObservabilityStack.Emulator.Mapping;

namespace ObservabilityStack.Emulator.Tests.Mapping;

public sealed class DateFormatsTests
{
    [Theory]
    [InlineData("2024-05-01T10:00:00Z", "2024-05-01T10:00:00.000+00:00")]
    [InlineData("2024-05-01T10:00:00.123Z", "2024-05-01T10:00:00.123+00:00")]
    [InlineData("2024-05-01T10:00:00.123456789Z", "2024-05-01T10:00:00.123+00:00")]
    [InlineData("2024-05-01T12:00:00+02:00", "2024-05-01T10:00:00.000+00:00")]
    [InlineData("2024-05-01T12:00+0200", "2024-05-01T10:00:00.000+00:00")]
    [InlineData("2024-05-01", "2024-05-01T00:00:00.000+00:00")]
    [InlineData("2024-05", "2024-05-01T00:00:00.000+00:00")]
    [InlineData("1714557600000", "2024-05-01T10:00:00.000+00:00")]
    public void DefaultFormatsParseIsoAndEpochMillis(string value, string expected)
    {
        DateFormats.TryParse(value, null, out var millis).ShouldBeTrue();
        DateTimeOffset.FromUnixTimeMilliseconds(millis).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(expected);
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("2024-05-01T25:00:00Z")]
    [InlineData("not a date")]
    [InlineData("2024-05-01T10:00:00Zjunk")]
    public void InvalidDatesAreRejected(string value) => DateFormats.TryParse(value, null, out _).ShouldBeFalse();

    [Fact]
    public void CustomAndAlternativeFormatsWork()
    {
        DateFormats.TryParse("2024/05/01 10:00:00", "yyyy/MM/dd HH:mm:ss||epoch_millis", out var a).ShouldBeTrue();
        a.ShouldBe(1714557600000);
        DateFormats.TryParse("1714557600", "epoch_second", out var b).ShouldBeTrue();
        b.ShouldBe(1714557600000);
        DateFormats.TryParse("2024-05-01T10:00:00Z", "yyyy-MM-dd", out _).ShouldBeFalse();
    }
}
