using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class MetricAggregationTests
{
    private static TestShard Numbers() => new TestShard("test_1", """{"int_field":{"type":"integer"},"double_field":{"type":"double"},"string_field":{"type":"keyword"}}""")
        .AddAll("""{"int_field":1,"double_field":1.0,"string_field":"foo"}""", """{"int_field":51,"double_field":51.0,"string_field":"foo"}""",
            """{"int_field":101,"double_field":101.0,"string_field":"bar"}""", """{"int_field":151,"double_field":151.0,"string_field":"foo"}""");

    private static System.Text.Json.JsonElement Agg(string agg, TestShard? shard = null, string query = """{"match_all":{}}""") =>
        SearchRunner.Search("{\"size\":0,\"query\":" + query + ",\"aggs\":{\"a\":" + agg + "}}", shard ?? Numbers()).At("aggregations.a");

    [Theory]
    [InlineData("""{"min":{"field":"int_field"}}""", """{"value":1}""")]
    [InlineData("""{"max":{"field":"double_field"}}""", """{"value":151}""")]
    [InlineData("""{"avg":{"field":"int_field"}}""", """{"value":76}""")]
    [InlineData("""{"sum":{"field":"int_field"}}""", """{"value":304}""")]
    [InlineData("""{"value_count":{"field":"string_field"}}""", """{"value":4}""")]
    [InlineData("""{"cardinality":{"field":"string_field"}}""", """{"value":2}""")]
    [InlineData("""{"cardinality":{"field":"int_field"}}""", """{"value":4}""")]
    [InlineData("""{"stats":{"field":"int_field"}}""", """{"count":4,"min":1,"max":151,"avg":76,"sum":304}""")]
    [InlineData("""{"avg":{"field":"missing_field","missing":1}}""", """{"value":1}""")]
    [InlineData("""{"value_count":{"field":"missing_field","missing":1}}""", """{"value":4}""")]
    [InlineData("""{"stats":{"field":"missing_field","missing":1}}""", """{"count":4,"min":1,"max":1,"avg":1,"sum":4}""")]
    [InlineData("""{"max":{"field":"int_field"},"meta":{"foo":"bar"}}""", """{"meta":{"foo":"bar"},"value":151}""")]
    public void MetricsComputeElasticsearchValues(string agg, string expected)
    {
        Agg(agg).GetRawText().ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"min":{"field":"int_field"}}""", """{"value":null}""")]
    [InlineData("""{"max":{"field":"int_field"}}""", """{"value":null}""")]
    [InlineData("""{"avg":{"field":"int_field"}}""", """{"value":null}""")]
    [InlineData("""{"sum":{"field":"int_field"}}""", """{"value":0}""")]
    [InlineData("""{"value_count":{"field":"int_field"}}""", """{"value":0}""")]
    [InlineData("""{"cardinality":{"field":"int_field"}}""", """{"value":0}""")]
    [InlineData("""{"stats":{"field":"int_field"}}""", """{"count":0,"min":null,"max":null,"avg":null,"sum":0}""")]
    [InlineData("""{"percentiles":{"field":"int_field","percents":[50]}}""", """{"values":{"50.0":null}}""")]
    public void MetricsOverNoDocumentsHaveElasticsearchEmptyShapes(string agg, string expected)
    {
        Agg(agg, query: """{"match_none":{}}""").GetRawText().ShouldBe(expected);
    }

    [Fact]
    public void ExtendedStatsAddsVarianceAndDeviation()
    {
        var stats = Agg("""{"extended_stats":{"field":"int_field"}}""");

        stats.At("sum_of_squares").GetDouble().ShouldBe(1 + (51 * 51) + (101 * 101) + (151 * 151));
        stats.At("variance").GetDouble().ShouldBe(3125);
        stats.At("std_deviation").GetDouble().ShouldBe(Math.Sqrt(3125), 1e-9);
        stats.At("std_deviation_bounds.upper").GetDouble().ShouldBe(76 + (2 * Math.Sqrt(3125)), 1e-9);
        stats.At("variance_sampling").GetDouble().ShouldBe(12500.0 / 3, 1e-9);
    }

    [Fact]
    public void PercentilesDefaultToElasticsearchPercentsAndInterpolate()
    {
        var values = Agg("""{"percentiles":{"field":"int_field"}}""").At("values");

        string.Join(',', values.EnumerateObject().Select(p => p.Name)).ShouldBe("1.0,5.0,25.0,50.0,75.0,95.0,99.0");
        values.GetProperty("50.0").GetDouble().ShouldBe(76);
        values.GetProperty("25.0").GetDouble().ShouldBe(38.5);
        Agg("""{"percentiles":{"field":"int_field","percents":[99],"keyed":false}}""").At("values.0.key").GetDouble().ShouldBe(99);
    }

    [Fact]
    public void DateMetricsCarryValueAsString()
    {
        var max = Agg("""{"max":{"field":"@timestamp"}}""", LogsFixture.Create());

        max.GetRawText().ShouldBe("""{"value":1714564799500,"value_as_string":"2024-05-01T11:59:59.500Z"}""");
    }

    [Fact]
    public void NumericMetricOnKeywordFieldIsRejected()
    {
        var error = SearchRunner.SearchFails("""{"aggs":{"a":{"avg":{"field":"string_field"}}}}""", Numbers());

        error.Status.ShouldBe(400);
        error.Message.ShouldBe("Field [string_field] of type [keyword] is not supported for aggregation [avg]");
    }

    [Fact]
    public void NegativePrecisionThresholdIsRejected()
    {
        SearchRunner.SearchFails("""{"aggs":{"distinct_int":{"cardinality":{"field":"int_field","precision_threshold":-1}}}}""", Numbers())
            .Message.ShouldBe("[precisionThreshold] must be greater than or equal to 0. Found [-1] in [distinct_int]");
    }

    [Fact]
    public void TopHitsReturnsTheBestDocumentsPerBucket()
    {
        var response = SearchRunner.Search("""
            {"size":0,"aggs":{"s":{"terms":{"field":"service.name","size":1},
              "aggs":{"latest":{"top_hits":{"size":1,"sort":[{"@timestamp":"desc"}],"_source":["message"]}}}}}}
            """, LogsFixture.Create());

        var hits = response.At("aggregations.s.buckets.0.latest.hits");
        hits.At("total").GetRawText().ShouldBe("""{"value":2,"relation":"eq"}""");
        hits.At("hits.0._id").GetString().ShouldBe("5");
        hits.At("hits.0._source").GetRawText().ShouldBe("""{"message":"login timeout for bob"}""");
        hits.At("hits.0.sort.0").GetInt64().ShouldBe(1714564799500);
    }

    [Fact]
    public void MetricWithSubAggregationsIsRejected()
    {
        SearchRunner.SearchFails("""{"aggs":{"a":{"max":{"field":"int_field"},"aggs":{"b":{"min":{"field":"int_field"}}}}}}""", Numbers())
            .Message.ShouldBe("Aggregator [a] of type [max] cannot accept sub-aggregations");
    }
}
