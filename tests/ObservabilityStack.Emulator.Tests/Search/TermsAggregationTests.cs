using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class TermsAggregationTests
{
    private const string Mapping = """
        {"str":{"type":"keyword"},"ip":{"type":"ip"},"boolean":{"type":"boolean"},"integer":{"type":"long"},
         "double":{"type":"double"},"number":{"type":"long"},"date":{"type":"date"},"text":{"type":"text"}}
        """;

    private static TestShard Shard(params string[] docs) => new TestShard("test_1", Mapping).AddAll(docs);

    private static string Aggs(string terms, string? subs = null) =>
        "{\"size\":0,\"aggs\":{\"t\":{\"terms\":" + terms + (subs is null ? string.Empty : ",\"aggs\":" + subs) + "}}}";

    [Fact]
    public void KeywordBucketsAreOrderedByCountWithElasticsearchShape()
    {
        var response = SearchRunner.Search(Aggs("""{"field":"str"}"""), Shard("""{"str":"abc"}""", """{"str":"abc"}""", """{"str":"bcd"}"""));

        response.At("aggregations.t").GetRawText().ShouldBe(
            """{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"abc","doc_count":2},{"key":"bcd","doc_count":1}]}""");
    }

    [Fact]
    public void BooleanDateAndNumberKeysAreTypedLikeElasticsearch()
    {
        var shard = Shard("""{"boolean":true,"date":"2016-05-03","integer":1234,"double":1234.5}""",
            """{"boolean":false,"date":"2014-09-01","integer":5678,"double":5678.5}""",
            """{"boolean":true,"date":"2016-05-03","integer":1234,"double":1234.5}""");

        SearchRunner.Search(Aggs("""{"field":"boolean"}"""), shard).At("aggregations.t.buckets").GetRawText().ShouldBe(
            """[{"key":1,"key_as_string":"true","doc_count":2},{"key":0,"key_as_string":"false","doc_count":1}]""");
        SearchRunner.Search(Aggs("""{"field":"date"}"""), shard).At("aggregations.t.buckets.0").GetRawText().ShouldBe(
            """{"key":1462233600000,"key_as_string":"2016-05-03T00:00:00.000Z","doc_count":2}""");
        SearchRunner.Search(Aggs("""{"field":"integer"}"""), shard).At("aggregations.t.buckets.1").GetRawText().ShouldBe(
            """{"key":5678,"doc_count":1}""");
        SearchRunner.Search(Aggs("""{"field":"double"}"""), shard).At("aggregations.t.buckets.0.key").GetDouble().ShouldBe(1234.5);
    }

    [Fact]
    public void SizeLimitsBucketsAndReportsTheRestAsSumOtherDocCount()
    {
        var shard = Shard("""{"str":"a"}""", """{"str":"b"}""", """{"str":"c"}""", """{"str":"b"}""", """{"str":"c"}""", """{"str":"c"}""");

        var response = SearchRunner.Search(Aggs("""{"field":"str","size":2}"""), shard);

        response.At("aggregations.t.sum_other_doc_count").GetInt64().ShouldBe(1);
        response.At("aggregations.t.buckets.0.key").GetString().ShouldBe("c");
        response.At("aggregations.t.buckets.1.key").GetString().ShouldBe("b");
    }

    [Theory]
    [InlineData("""{"_key":"asc"}""", "a,b,c")]
    [InlineData("""[{"_key":"desc"}]""", "c,b,a")]
    [InlineData("""{"_count":"asc"}""", "a,b,c")]
    [InlineData("""{"max_n":"desc"}""", "a,c,b")]
    [InlineData("""{"stats_n.min":"asc"}""", "b,c,a")]
    public void OrderAcceptsKeysCountsAndSubAggregationPaths(string order, string expected)
    {
        var shard = Shard("""{"str":"a","number":9}""", """{"str":"b","number":1}""", """{"str":"c","number":3}""", """{"str":"b","number":2}""",
            """{"str":"c","number":5}""", """{"str":"c","number":4}""");

        var response = SearchRunner.Search(Aggs("{\"field\":\"str\",\"order\":" + order + "}",
            """{"max_n":{"max":{"field":"number"}},"stats_n":{"stats":{"field":"number"}}}"""), shard);

        string.Join(',', response.At("aggregations.t.buckets").EnumerateArray().Select(b => b.GetProperty("key").GetString())).ShouldBe(expected);
    }

    [Fact]
    public void OrderBySubAggregationInsideFilter()
    {
        var shard = Shard("""{"str":"sheep","number":1}""", """{"str":"sheep","number":3}""", """{"str":"cow","number":7}""", """{"str":"pig","number":100}""");

        var response = SearchRunner.Search(Aggs("""{"field":"str","size":1,"order":[{"filter>max_number":"desc"}]}""",
            """{"filter":{"filter":{"range":{"number":{"lt":10}}},"aggs":{"max_number":{"max":{"field":"number"}}}}}"""), shard);

        response.At("aggregations.t.buckets.0.key").GetString().ShouldBe("cow");
        response.At("aggregations.t.buckets.0.filter.max_number.value").GetDouble().ShouldBe(7);
    }

    [Fact]
    public void MinDocCountZeroAddsEmptyBucketsFromTheWholeIndex()
    {
        var shard = Shard("""{"str":"sheep","number":1}""", """{"str":"sheep","number":3}""", """{"str":"cow","number":1}""", """{"str":"pig","number":1}""");

        var response = SearchRunner.Search("""
            {"size":0,"query":{"simple_query_string":{"fields":["str"],"query":"sheep cow","minimum_should_match":1}},
             "aggs":{"t":{"terms":{"field":"str","min_doc_count":0},"aggs":{"max_number":{"max":{"field":"number"}}}}}}
            """, shard);

        response.At("aggregations.t.buckets").GetArrayLength().ShouldBe(3);
        response.At("aggregations.t.buckets.2.key").GetString().ShouldBe("pig");
        response.At("aggregations.t.buckets.2.doc_count").GetInt64().ShouldBe(0);
        response.At("aggregations.t.buckets.2.max_number.value").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("""{"field":"ip","include":["127.0.0.1"]}""", "127.0.0.1")]
    [InlineData("""{"field":"ip","exclude":["127.0.0.1"]}""", "::1")]
    [InlineData("""{"field":"str","include":"a.*"}""", "abc")]
    [InlineData("""{"field":"str","exclude":"a.*"}""", "bcd")]
    [InlineData("""{"field":"str","include":{"partition":0,"num_partitions":2}}""", "bcd")]
    [InlineData("""{"field":"str","include":{"partition":1,"num_partitions":2}}""", "abc")]
    [InlineData("""{"field":"integer","include":{"partition":0,"num_partitions":2}}""", "5678")]
    [InlineData("""{"field":"integer","include":{"partition":1,"num_partitions":2}}""", "1234")]
    [InlineData("""{"field":"unmapped","missing":"abc"}""", "abc")]
    public void IncludeExcludeAndMissingSelectBuckets(string terms, string expectedKeys)
    {
        var shard = Shard("""{"str":"abc","ip":"::1","integer":1234}""", """{"str":"abc","ip":"127.0.0.1","integer":5678}""",
            """{"str":"bcd","ip":"::1","integer":1234}""");

        var response = SearchRunner.Search(Aggs(terms), shard);

        string.Join(',', response.At("aggregations.t.buckets").EnumerateArray().Select(b => b.GetProperty("key").ToString())).ShouldBe(expectedKeys);
    }

    [Fact]
    public void MixedLongAndDoubleIndicesMergeBuckets()
    {
        var a = new TestShard("test_1", """{"number":{"type":"long"}}""").AddAll("""{"number":100}""", """{"number":10}""");
        var b = new TestShard("test_2", """{"number":{"type":"double"}}""").AddAll("""{"number":100.0}""", """{"number":10.0}""", """{"number":14.6}""");

        var response = SearchRunner.Search(Aggs("""{"field":"number"}"""), a, b);

        string.Join(',', response.At("aggregations.t.buckets").EnumerateArray().Select(x => x.GetProperty("key").GetDouble() + ":" + x.GetProperty("doc_count")))
            .ShouldBe("10:2,100:2,14.6:1");
    }

    [Fact]
    public void TermsOnTextFieldIsRejectedLikeElasticsearch()
    {
        var error = SearchRunner.SearchFails(Aggs("""{"field":"text"}"""), Shard("""{"text":"hello"}"""));

        error.Status.ShouldBe(400);
        error.Type.ShouldBe("illegal_argument_exception");
        error.Message.ShouldStartWith("Fielddata is disabled on [text] in [test_1].");
    }

    [Fact]
    public void TermsWithoutFieldIsRejected()
    {
        SearchRunner.SearchFails(Aggs("""{"size":1}"""), Shard()).Message
            .ShouldContain("Required one of fields [field, script], but none were specified");
    }

    [Fact]
    public void MultiValuedFieldsCountEachDocumentOncePerTerm()
    {
        var response = SearchRunner.Search(Aggs("""{"field":"tags"}"""), LogsFixture.Create());

        response.At("aggregations.t.buckets").GetRawText().ShouldBe("""[{"key":"auth","doc_count":2},{"key":"web","doc_count":2}]""");
    }

    [Fact]
    public void TypedKeysPrefixesAggregationNames()
    {
        var parameters = new Dictionary<string, string> { ["typed_keys"] = "true" };

        var response = SearchRunner.Search("""{"size":0,"aggs":{"s":{"terms":{"field":"service.name"},"aggs":{"m":{"max":{"field":"duration"}}}}}}""",
            parameters, LogsFixture.Create());

        response.At("aggregations").TryGetProperty("sterms#s", out var terms).ShouldBeTrue();
        terms.At("buckets.0").TryGetProperty("max#m", out _).ShouldBeTrue();
    }
}
