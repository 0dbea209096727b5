using System.Globalization;
using ObservabilityStack.Elasticsearch.Ecs;

namespace ObservabilityStack.Elasticsearch.Tests.Ecs;

public sealed class LogLineFieldsTests
{
    [Theory]
    [InlineData("2026-11-20T10:15:30Z started", "2026-11-20T10:15:30.0000000+00:00")]
    [InlineData("2026-11-20T10:15:30.123456789+02:00 x", "2026-11-20T08:15:30.1234567+00:00")]
    [InlineData("2026-11-20 10:15:30,250 ERROR x", "2026-11-20T10:15:30.2500000+00:00")]
    [InlineData("2026-11-20T10:15:30,250Z x", "2026-11-20T10:15:30.2500000+00:00")]
    [InlineData("2026-11-20 10:15:30.5-01:00 x", "2026-11-20T11:15:30.5000000+00:00")]
    [InlineData("[2026-11-20 10:15:30] INFO x", "2026-11-20T10:15:30.0000000+00:00")]
    [InlineData("2026-11-20 10:15:30 +0530 x", "2026-11-20T04:45:30.0000000+00:00")]
    [InlineData("2026-11-20T10:15:30Z|pipe-separated", "2026-11-20T10:15:30.0000000+00:00")]
    [InlineData("2026-11-20T10:15:30.1234567890Z ten fraction digits are no fraction", "2026-11-20T10:15:30.0000000+00:00")]
    [InlineData("2026-11-20T10:15:30.5:x a fraction before a colon is no fraction", "2026-11-20T10:15:30.0000000+00:00")]
    [InlineData("2026-11-20 10:15:30+05:001 an offset before a digit is no offset", "2026-11-20T10:15:30.0000000+00:00")]
    [InlineData("0001-01-01 00:00:00-01:00 x", "0001-01-01T01:00:00.0000000+00:00")]
    public void ALeadingTimestampIsReadInUtc(string line, string expected) =>
        LogLineFields.TimestampOf(line)!.Value.ToString("o", CultureInfo.InvariantCulture).ShouldBe(expected);

    [Theory]
    [InlineData("   at Shop.Orders.Save()")]
    [InlineData("order 2026-11-20 10:15:30 created")]
    [InlineData("2026-13-45 99:99:99 not a date")]
    [InlineData("2026-11-20 10:15:301")]
    [InlineData("2026-11-20")]
    [InlineData("2026-11-20 10:15:30+25:00 an offset out of range")]
    [InlineData("2026-02-30 10:15:30 no such day")]
    [InlineData("0001-01-01 00:00:00+01:00 before the calendar starts")]
    public void ALineWithoutALeadingValidTimestampHasNone(string line) => LogLineFields.TimestampOf(line).ShouldBeNull();

    [Theory]
    [InlineData("2026-11-20T10:15:30Z started", 20)]
    [InlineData("[2026-11-20 10:15:30] INFO x", 21)]
    [InlineData("2026-11-20 10:15:30 +0530 x", 25)]
    [InlineData("2026-11-20 10:15:30,250 ERROR x", 23)]
    public void TheTimestampsLengthCoversItsOffsetAndClosingBracket(string line, int expected)
    {
        LogLineFields.TryReadTimestamp(line, out _, out var length).ShouldBeTrue();

        length.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-11-20 10:15:30 ERROR it broke", "error")]
    [InlineData("[10:15:30 WRN] slow", "warn")]
    [InlineData("WARNING: disk", "warn")]
    [InlineData("app INFO started", "info")]
    [InlineData("CRITICAL failure", "fatal")]
    [InlineData("INFORMATIONAL notes only", null)]
    [InlineData("2026-11-20 10:15:30 +0530 request took long WARN", "warn")]
    [InlineData("2026-11-20 10:15:30 level=debug cache miss", "debug")]
    [InlineData("[error] 1234#0: upstream timed out", "error")]
    [InlineData("<crit> disk gone", "fatal")]
    [InlineData("SEVERE: java.util.logging says so", "error")]
    [InlineData("ERROR:root:python says so", "error")]
    [InlineData("Notice: lower-case words count among the first three", "info")]
    [InlineData("an Error among the first words is the level", "error")]
    [InlineData("a line that says error later on has no level", null)]
    [InlineData("just a line", null)]
    [InlineData("[2026-11-20T10:15:30Z INFO  app] padded", "info")]
    public void TheLevelWordGivesTheEcsLevel(string line, string? expected) => LogLineFields.LevelOf(line).ShouldBe(expected);

    [Fact]
    public void ALeadingLevelWordIsFoundWithItsBrackets()
    {
        var word = LogLineFields.FindLevel("app [ERROR] failed").ShouldNotBeNull();

        word.ShouldBe(new LevelWord("error", 4, 7, Leading: true));
    }

    [Fact]
    public void AnUpperCaseLevelWordPastTheFirstWordsIsNotLeading()
    {
        var word = LogLineFields.FindLevel("GET /orders 500 ERROR upstream").ShouldNotBeNull();

        word.ShouldBe(new LevelWord("error", 16, 5, Leading: false));
    }

    [Theory]
    [InlineData(23, "error")]
    [InlineData(24, null)]
    public void AnUpperCaseLevelWordIsReadOnlyWithinTheFirst120Characters(int wordsBefore, string? expected)
    {
        var level = LogLineFields.FindLevel(string.Join(' ', Enumerable.Repeat("word", wordsBefore)) + " ERROR")?.Level;

        level.ShouldBe(expected);
    }

    [Theory]
    [InlineData("VRB", "trace")]
    [InlineData("dbg", "debug")]
    [InlineData("Information", "info")]
    [InlineData("wrn", "warn")]
    [InlineData("eror", "error")]
    [InlineData("emerg", "fatal")]
    [InlineData("panic", "fatal")]
    [InlineData("informational", null)]
    [InlineData("", null)]
    public void EverySpellingOfALevelMapsToItsEcsName(string word, string? expected) =>
        LogLineFields.NormalizeLevel(word).ShouldBe(expected);
}
