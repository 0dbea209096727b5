using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class HistogramAggregationTests
{
    private static string Keys(System.Text.Json.JsonElement buckets, string property = "key_as_string") =>
        string.Join(',', buckets.EnumerateArray().Select(b => b.GetProperty(property) + ":" + b.GetProperty("doc_count")));

    [Fact]
    public void DateHistogramWithFixedIntervalFillsEmptyBuckets()
    {
        var response = SearchRunner.Search("""
            {"size":0,"query":{"range":{"@timestamp":{"gte":"now-15m"}}},
             "aggs":{"h":{"date_histogram":{"field":"@timestamp","fixed_interval":"5m"}}}}
            """, LogsFixture.Create());

        Keys(response.At("aggregations.h.buckets")).ShouldBe(
            "2024-05-01T11:50:00.000Z:1,2024-05-01T11:55:00.000Z:3");
        response.At("aggregations.h.buckets.0.key").GetInt64().ShouldBe(1714564200000);
    }

    [Fact]
    public void DateHistogramExtendedBoundsAndMinDocCount()
    {
        var body = """
            {"size":0,"aggs":{"h":{"date_histogram":{"field":"@timestamp","calendar_interval":"hour",
              "extended_bounds":{"min":"2024-05-01T08:00:00Z","max":"now"}}}}}
            """;

        var response = SearchRunner.Search(body, LogsFixture.Create());

        Keys(response.At("aggregations.h.buckets")).ShouldBe(
            "2024-05-01T08:00:00.000Z:0,2024-05-01T09:00:00.000Z:0,2024-05-01T10:00:00.000Z:1,2024-05-01T11:00:00.000Z:4,2024-05-01T12:00:00.000Z:0");
        var onlyFilled = SearchRunner.Search(body.Replace("\"hour\",", "\"1h\",\"min_doc_count\":1,", StringComparison.Ordinal), LogsFixture.Create());
        Keys(onlyFilled.At("aggregations.h.buckets")).ShouldBe("2024-05-01T10:00:00.000Z:1,2024-05-01T11:00:00.000Z:4");
    }

    [Fact]
    public void CalendarMonthBucketsAndMultiValuedDates()
    {
        var shard = new TestShard("dates", """{"date":{"type":"date"}}""").AddAll("""{"date":["2021-05-01","2021-04-01","2021-04-22"]}""");

        var response = SearchRunner.Search("""{"query":{"match":{"date":"2021-04-01"}},"aggs":{"h":{"date_histogram":{"field":"date","calendar_interval":"1M"}}}}""", shard);

        response.Total().ShouldBe(1);
        Keys(response.At("aggregations.h.buckets")).ShouldBe("2021-04-01T00:00:00.000Z:1,2021-05-01T00:00:00.000Z:1");
    }

    [Fact]
    public void TimeZoneShiftsCalendarBucketsAndKeysUseTheFieldFormat()
    {
        var shard = new TestShard("tz", """{"date":{"type":"date","format":"yyyy-MM-dd HH:mm:ss"}}""").AddAll(
            """{"date":"2021-05-01 20:00:00"}""", """{"date":"2021-05-01 21:30:00"}""", """{"date":"2021-05-01 21:20:00"}""",
            """{"date":"2021-05-01 22:15:00"}""", """{"date":"2021-05-01 23:54:00"}""");

        var response = SearchRunner.Search("""
            {"size":0,"aggs":{
              "yes_tz":{"date_histogram":{"field":"date","calendar_interval":"hour","time_zone":"Asia/Jakarta"}},
              "no_tz":{"date_histogram":{"field":"date","calendar_interval":"hour"}},
              "berlin":{"date_histogram":{"field":"date","fixed_interval":"30m","time_zone":"Europe/Berlin","format":"strict_date_optional_time","min_doc_count":1}}}}
            """, shard);

        Keys(response.At("aggregations.yes_tz.buckets")).ShouldBe("2021-05-02 03:00:00:1,2021-05-02 04:00:00:2,2021-05-02 05:00:00:1,2021-05-02 06:00:00:1");
        Keys(response.At("aggregations.no_tz.buckets")).ShouldBe("2021-05-01 20:00:00:1,2021-05-01 21:00:00:2,2021-05-01 22:00:00:1,2021-05-01 23:00:00:1");
        response.At("aggregations.yes_tz.buckets.0.key").GetInt64().ShouldBe(1619899200000);
        response.At("aggregations.berlin.buckets.0.key_as_string").GetString().ShouldBe("2021-05-01T22:00:00.000+02:00");
    }

    [Fact]
    public void HardBoundsLimitBuckets()
    {
        var response = SearchRunner.Search("""
            {"size":0,"aggs":{"h":{"date_histogram":{"field":"@timestamp","fixed_interval":"1h","hard_bounds":{"min":"2024-05-01T11:00:00Z","max":"2024-05-01T12:00:00Z"}}}}}
            """, LogsFixture.Create());

        Keys(response.At("aggregations.h.buckets")).ShouldBe("2024-05-01T11:00:00.000Z:4");
    }

    [Fact]
    public void KeyedDateHistogramIsAnObject()
    {
        var response = SearchRunner.Search("""{"size":0,"aggs":{"h":{"date_histogram":{"field":"@timestamp","calendar_interval":"day","keyed":true,"format":"yyyy-MM-dd"}}}}""",
            LogsFixture.Create());

        response.At("aggregations.h.buckets").GetRawText().ShouldBe("""{"2024-05-01":{"key_as_string":"2024-05-01","key":1714521600000,"doc_count":5}}""");
    }

    [Fact]
    public void NumericHistogramWithIntervalOffsetAndSubAggregation()
    {
        var response = SearchRunner.Search("""
            {"size":0,"aggs":{"h":{"histogram":{"field":"http.status","interval":100,"extended_bounds":{"min":100,"max":300}},
              "aggs":{"avg_duration":{"avg":{"field":"duration"}}}}}}
            """, LogsFixture.Create());

        Keys(response.At("aggregations.h.buckets"), "key").ShouldBe("100:0,200:2,300:0,400:0,500:3");
        response.At("aggregations.h.buckets.1.avg_duration.value").GetDouble().ShouldBe(5.25);
        response.At("aggregations.h.buckets.0.avg_duration.value").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void DateHistogramWithoutIntervalIsRejected()
    {
        var error = SearchRunner.SearchFails("""{"aggs":{"h":{"date_histogram":{"field":"@timestamp"}}}}""", LogsFixture.Create());

        error.Type.ShouldBe("illegal_argument_exception");
        error.Message.ShouldBe("Invalid interval specified, must be non-null and non-empty");
    }

    [Fact]
    public void CalendarIntervalWithMultiplesIsRejected()
    {
        SearchRunner.SearchFails("""{"aggs":{"h":{"date_histogram":{"field":"@timestamp","calendar_interval":"2d"}}}}""", LogsFixture.Create())
            .Message.ShouldBe("The supplied interval [2d] could not be parsed as a calendar interval.");
    }
}
