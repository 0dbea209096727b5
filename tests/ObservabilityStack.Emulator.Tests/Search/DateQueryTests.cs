using ObservabilityStack.Emulator.Search.Fields;
using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class DateQueryTests
{
    private static long Millis(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData("now", false, "2024-05-01T12:00:00Z")]
    [InlineData("now-5m", false, "2024-05-01T11:55:00Z")]
    [InlineData("now-5m/m", false, "2024-05-01T11:55:00Z")]
    [InlineData("now-1d/d", false, "2024-04-30T00:00:00Z")]
    [InlineData("now-1d/d", true, "2024-04-30T23:59:59.999Z")]
    [InlineData("now/M", false, "2024-05-01T00:00:00Z")]
    [InlineData("now+1y-2M/y", false, "2025-01-01T00:00:00Z")]
    [InlineData("now/w", false, "2024-04-29T00:00:00Z")]
    [InlineData("2016-01-01||+1M/d", false, "2016-02-01T00:00:00Z")]
    [InlineData("2016-01-31T10:00:00Z||/d", true, "2016-01-31T23:59:59.999Z")]
    [InlineData("2016-01-01", false, "2016-01-01T00:00:00Z")]
    public void DateMathMatchesElasticsearch(string expression, bool roundUp, string expected)
    {
        DateMath.TryEvaluate(expression, Millis("2024-05-01T12:00:00Z"), roundUp, DateFormat.Default, null, out var millis).ShouldBeTrue();

        millis.ShouldBe(Millis(expected));
    }

    [Theory]
    [InlineData("""{"gte":"now-5m"}""", "2,3,5")]
    [InlineData("""{"gte":"now-5m/m","lt":"now"}""", "2,3,5")]
    [InlineData("""{"gt":"now-10m/m"}""", "2,3,5")]
    [InlineData("""{"gte":"now-10m/m"}""", "1,2,3,5")]
    [InlineData("""{"lte":"2024-05-01T11:55:30Z"}""", "1,2,4")]
    [InlineData("""{"lt":"2024-05-01T11:55:30Z"}""", "1,4")]
    [InlineData("""{"gte":"2024-05-01","lt":"2024-05-01||+11h"}""", "4")]
    [InlineData("""{"gte":"01/05/2024 11:58","format":"dd/MM/yyyy HH:mm"}""", "3,5")]
    [InlineData("""{"gte":"2024-05-01T13:58:00","time_zone":"+02:00"}""", "3,5")]
    [InlineData("""{"gte":1714564680000}""", "3,5")]
    [InlineData("""{"lte":"2024-05-01T11:59:59"}""", "1,2,3,4")]
    public void RangeOnTimestampAppliesDateMathFormatsAndZones(string bounds, string expectedIds)
    {
        var response = SearchRunner.Search("{\"query\":{\"range\":{\"@timestamp\":" + bounds + "}}}", LogsFixture.Create());

        string.Join(',', response.Ids().Order(StringComparer.Ordinal)).ShouldBe(expectedIds);
    }

    [Fact]
    public void TimeWindowQueryAsksStorageOnlyForTheWindow()
    {
        var shard = LogsFixture.Create();

        var response = SearchRunner.Search(
            """{"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"now-5m","lte":"now"}}},{"term":{"log.level":"error"}}]}}}""", shard);

        response.Ids().ShouldBe(["5"]);
        shard.LastBounds.ShouldBe((Millis("2024-05-01T11:55:00Z"), (long?)Millis("2024-05-01T12:00:00Z")));
        shard.LastScanned.ShouldBe(3);
    }

    [Fact]
    public void RangeInShouldClauseDoesNotNarrowTheScan()
    {
        var shard = LogsFixture.Create();

        SearchRunner.Search("""{"query":{"bool":{"should":[{"range":{"@timestamp":{"gte":"now-5m"}}},{"term":{"host":"db-1"}}]}}}""", shard)
            .Total().ShouldBe(4);
        shard.LastBounds.ShouldBe((null, null));
    }

    [Fact]
    public void DatesInCustomMappingFormatsAreParsed()
    {
        var shard = new TestShard("events", """{"date":{"type":"date","format":"yyyy-MM-dd HH:mm:ss"}}""")
            .AddAll("""{"date":"2021-05-01 20:00:00"}""", """{"date":"2021-05-01 23:40:00"}""");

        var response = SearchRunner.Search("""{"query":{"range":{"date":{"gte":"2021-05-01 21:00:00"}}}}""", shard);

        response.Ids().ShouldBe(["2"]);
    }

    [Theory]
    [InlineData("2015-01-01T12:10:30.123456789Z", "2015-01-01T12:10:30.123Z")]
    [InlineData("2015-01-01T12:10:30+01:00", "2015-01-01T11:10:30Z")]
    [InlineData("2015", "2015-01-01T00:00:00Z")]
    [InlineData("2015-03", "2015-03-01T00:00:00Z")]
    public void StrictDateOptionalTimeAcceptsElasticsearchInputs(string input, string expected)
    {
        DateFormat.Default.TryParse(input, null, out var millis).ShouldBeTrue();
        millis.ShouldBe(Millis(expected));
    }

    [Fact]
    public void InvalidDateInRangeIsAParsingError()
    {
        var error = SearchRunner.SearchFails("""{"query":{"range":{"@timestamp":{"gte":"yesterday"}}}}""", LogsFixture.Create());

        error.Status.ShouldBe(400);
        error.Type.ShouldBe("parsing_exception");
        error.Message.ShouldContain("failed to parse date field [yesterday]");
    }
}
