using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search;

public sealed class SearchErrorTests
{
    [Theory]
    [InlineData("""{"query":{"foo":{}}}""", "parsing_exception", "unknown query [foo]")]
    [InlineData("""{"query":{"term":{"data":"some"},"preference":"_local"}}""", "parsing_exception", "[term] malformed query, expected [END_OBJECT] but found [FIELD_NAME]")]
    [InlineData("""{"query":{"match_all":{"foo":1}}}""", "parsing_exception", "[match_all] query does not support [foo]")]
    [InlineData("""{"query":{"bool":{"must":[],"should_not":[]}}}""", "parsing_exception", "[bool] query does not support [should_not]")]
    [InlineData("""{"query":{"term":{"a":"x","b":"y"}}}""", "parsing_exception", "[term] query doesn't support multiple fields, found [a] and [b]")]
    [InlineData("""{"query":{"match":{"message":{"query":"x","bogus":1}}}}""", "parsing_exception", "[match] query does not support [bogus]")]
    [InlineData("""{"foo":{}}""", "parsing_exception", "Unknown key for a START_OBJECT in [foo].")]
    [InlineData("""{"foo":1}""", "parsing_exception", "Unknown key for a VALUE_NUMBER in [foo].")]
    [InlineData("""{"foo":"x"}""", "parsing_exception", "Unknown key for a VALUE_STRING in [foo].")]
    [InlineData("""{"query":"x"}""", "parsing_exception", "Unknown key for a VALUE_STRING in [query].")]
    [InlineData("""{"from":9995,"size":10}""", "illegal_argument_exception", "Result window is too large, from + size must be less than or equal to: [10000] but was [10005]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.")]
    [InlineData("""{"size":-1}""", "illegal_argument_exception", "[size] parameter cannot be negative, found [-1]")]
    [InlineData("""{"track_total_hits":-2}""", "illegal_argument_exception", "[track_total_hits] parameter must be positive or equals to -1, got -2")]
    [InlineData("""{"search_after":[1]}""", "illegal_argument_exception", "Sort must contain at least one field.")]
    [InlineData("""{"sort":["@timestamp"],"search_after":[1,2]}""", "illegal_argument_exception", "search_after has 2 value(s) but sort has 1.")]
    [InlineData("""{"sort":[{"@timestamp":"up"}]}""", "illegal_argument_exception", "Unknown SortOrder [up]")]
    [InlineData("""{"aggs":{"a":{}}}""", "parsing_exception", "Missing definition for aggregation [a]")]
    [InlineData("""{"aggs":{"a":{"max":{"field":"x"},"min":{"field":"x"}}}}""", "parsing_exception", "Found two aggregation type definitions in [a]: [max] and [min]")]
    [InlineData("""{"aggs":{"a>b":{"max":{"field":"x"}}}}""", "parsing_exception", "Invalid aggregation name [a>b]. Aggregation names can contain any character except '[', ']', and '>'")]
    [InlineData("""{"size":"ten"}""", "parsing_exception", "[size] failed to parse field [size]")]
    [InlineData("""{"query":{"range":{"@timestamp":{"gte":"now","time_zone":"Mars/Olympus"}}}}""", "illegal_argument_exception", "Unknown time-zone ID: Mars/Olympus")]
    public void BadRequestsGetElasticsearchErrors(string body, string type, string reason)
    {
        var error = SearchRunner.SearchFails(body, LogsFixture.Create());

        error.Status.ShouldBe(400);
        error.Type.ShouldBe(type);
        error.Message.ShouldBe(reason);
    }

    [Fact]
    public void InaccurateTotalWithRestTotalHitsAsIntIsRejected()
    {
        var parameters = new Dictionary<string, string> { ["rest_total_hits_as_int"] = "true", ["track_total_hits"] = "100" };

        Should.Throw<EmulatorException>(() => SearchRunner.Search("{}", parameters, LogsFixture.Create())).Message
            .ShouldBe("[rest_total_hits_as_int] cannot be used if the tracking of total hits is not accurate, got 100");
    }

    [Fact]
    public void CountRejectsBodiesWithoutQueryElement()
    {
        var error = Should.Throw<EmulatorException>(() => SearchRunner.Count("""{"match":{"foo":"bar"}}""", LogsFixture.Create()));

        error.Type.ShouldBe("parsing_exception");
        error.Message.ShouldBe("request does not support [match]");
    }

    [Fact]
    public void FailedSearchWritesNothingToTheCallersWriter()
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            Should.Throw<EmulatorException>(() => ObservabilityStack.Emulator.Search.SearchEngine.Search(
                SearchRunner.Parse("""{"aggs":{"a":{"avg":{"field":"log.level"}}}}"""), new Dictionary<string, string>(), [LogsFixture.Create()],
                SearchRunner.Clock, writer));
        }

        stream.Length.ShouldBe(0);
    }

    [Fact]
    public void MatchingUsesTheSameQueryEvaluation()
    {
        var matching = ObservabilityStack.Emulator.Search.SearchEngine.Matching(SearchRunner.Parse("""{"term":{"log.level":"error"}}"""),
            [LogsFixture.Create()], SearchRunner.Clock);

        matching.Select(d => d.Id).ShouldBe(["1", "5"]);
    }

    [Fact]
    public void TermsQueryOverIndexMaxTermsCountIsRejected()
    {
        var shard = new TestShard("test_index", """{"user":{"type":"keyword"}}""") { MaxTermsCount = 2 }.AddAll("""{"user":"u1"}""", """{"user":"u2"}""");

        SearchRunner.Search("""{"query":{"terms":{"user":["u1","u2"]}}}""", shard).Total().ShouldBe(2);
        SearchRunner.SearchFails("""{"query":{"terms":{"user":["u1","u2","u3"]}}}""", shard).Message.ShouldBe(
            "The number of terms [3] used in the Terms Query request has exceeded the allowed maximum of [2]. This maximum can be set by changing the [index.max_terms_count] index level setting.");
    }

    [Fact]
    public void IndexMaxResultWindowIsHonoured()
    {
        var shard = new TestShard("small") { MaxResultWindow = 5 };

        SearchRunner.SearchFails("""{"from":3,"size":3}""", shard).Message.ShouldStartWith(
            "Result window is too large, from + size must be less than or equal to: [5] but was [6].");
    }

    [Fact]
    public void RegexIncludeOnIpTermsIsRejected()
    {
        var shard = new TestShard("test_1", """{"ip":{"type":"ip"}}""").AddAll("""{"ip":"127.0.0.1"}""");

        var error = SearchRunner.SearchFails("""{"aggs":{"ip_terms":{"terms":{"field":"ip","exclude":"127.*"}}}}""", shard);

        error.Status.ShouldBe(500);
        error.Type.ShouldBe("aggregation_execution_exception");
        error.Message.ShouldStartWith("Aggregation [ip_terms] cannot support regular expression style include/exclude settings");
    }
}
