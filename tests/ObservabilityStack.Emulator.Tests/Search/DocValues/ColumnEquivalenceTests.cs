using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search.DocValues;

/// <summary>
/// Every value search reads from a run's columns must equal what it reads from <c>_source</c>: each body below runs
/// through the column-backed shard and through the source-only path, and the answers must be identical.
/// </summary>
public sealed class ColumnEquivalenceTests
{
    private static readonly string[] Fields =
        ["tag", "num_kw", "code", "ratio", "ok", "when", "seen", "msg.keyword", "client.ip", "obj.a", "obj.n", "extra", "extra_n", "obj", "missing_field"];

    public static TheoryData<string> FieldNames() => [.. Fields];

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void TermsAndMetricAggregationsReadTheSameValuesFromColumns(string field)
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky);
        var numeric = field is "code" or "ratio" or "ok" or "when" or "seen" or "obj.n";
        var metrics = numeric
            ? ""","min":{"min":{"field":"FIELD"}},"max":{"max":{"field":"FIELD"}},"stats":{"stats":{"field":"FIELD"}},"sum":{"sum":{"field":"FIELD"}},"r":{"range":{"field":"FIELD","ranges":[{"to":1},{"from":1}]}}"""
            : string.Empty;
        index.Same("""
            {"size":0,"aggs":{"t":{"terms":{"field":"FIELD","size":20}},"c":{"cardinality":{"field":"FIELD"}},
             "v":{"value_count":{"field":"FIELD"}},"m":{"missing":{"field":"FIELD"}}METRICS}}
            """.Replace("METRICS", metrics, StringComparison.Ordinal).Replace("FIELD", field, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void ExistsAndSortingAgreeOnEveryDocument(string field)
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky);
        index.Same("""{"query":{"exists":{"field":"FIELD"}},"_source":false}""".Replace("FIELD", field, StringComparison.Ordinal));
        index.Same("""{"query":{"bool":{"must_not":{"exists":{"field":"FIELD"}}}},"_source":false}""".Replace("FIELD", field, StringComparison.Ordinal));
        if (field is not "obj" and not "msg")
        {
            index.Same("""{"sort":[{"FIELD":{"order":"desc","unmapped_type":"keyword"}},"_doc"],"_source":false,"docvalue_fields":["FIELD"]}""".Replace("FIELD", field, StringComparison.Ordinal));
            index.Same("""{"sort":[{"FIELD":{"order":"asc","missing":"_first","unmapped_type":"keyword"}},"_doc"],"_source":false}""".Replace("FIELD", field, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("""{"term":{"tag":"a"}}""")]
    [InlineData("""{"term":{"tag":""}}""")]
    [InlineData("""{"term":{"num_kw":"42"}}""")]
    [InlineData("""{"term":{"num_kw":"4.50"}}""")]
    [InlineData("""{"term":{"num_kw":"true"}}""")]
    [InlineData("""{"terms":{"tag":["b","zzz"]}}""")]
    [InlineData("""{"term":{"tag":{"value":"A","case_insensitive":true}}}""")]
    [InlineData("""{"terms":{"client.ip":["10.0.0.1","::1"]}}""")]
    [InlineData("""{"term":{"code":500}}""")]
    [InlineData("""{"terms":{"code":[404,"200"]}}""")]
    [InlineData("""{"range":{"code":{"gte":400,"lt":600}}}""")]
    [InlineData("""{"range":{"ratio":{"gt":0}}}""")]
    [InlineData("""{"term":{"ok":true}}""")]
    [InlineData("""{"term":{"ok":"false"}}""")]
    [InlineData("""{"range":{"when":{"gte":"2024-05-01 10:00:00","lte":"2024-05-01 10:00:00"}}}""")]
    [InlineData("""{"range":{"seen":{"gte":"2024-05-01T08:00:00Z"}}}""")]
    [InlineData("""{"term":{"obj.a":"dotted"}}""")]
    [InlineData("""{"term":{"obj.a":"both"}}""")]
    [InlineData("""{"term":{"obj.n":7}}""")]
    [InlineData("""{"term":{"client.ip":"10.0.0.2"}}""")]
    [InlineData("""{"term":{"msg.keyword":"Error: boom"}}""")]
    [InlineData("""{"match":{"msg":"boom"}}""")]
    [InlineData("""{"query_string":{"query":"tag:a AND code:[200 TO 404]"}}""")]
    [InlineData("""{"query_string":{"query":"extra:u1 OR extra_n:12"}}""")]
    [InlineData("""{"prefix":{"tag":"b"}}""")]
    [InlineData("""{"wildcard":{"obj.a":"*o*"}}""")]
    public void QueriesMatchTheSameDocumentsFromColumns(string query)
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky);
        index.Same("""{"query":QUERY,"sort":["_doc"],"size":20,"aggs":{"t":{"terms":{"field":"tag"}},"top":{"top_hits":{"size":2,"sort":[{"@timestamp":"desc"}]}}}}""".Replace("QUERY", query, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"include":["a","b",""]}""")]
    [InlineData("""{"exclude":"a.*"}""")]
    [InlineData("""{"missing":"none","min_doc_count":0}""")]
    [InlineData("""{"include":{"partition":0,"num_partitions":2}}""")]
    [InlineData("""{"order":{"_key":"asc"},"size":2}""")]
    public void TermsOptionsGiveTheSameBucketsFromOrdinals(string options)
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky).AddRun(ColumnIndex.Tricky.Take(3));
        var settings = options[1..^1];
        // Elasticsearch refuses a regex include/exclude on an ip field, so the regex case leaves client.ip out.
        foreach (var field in new[] { "tag", "obj.a", "client.ip", "num_kw" }.Where(f => f != "client.ip" || !options.Contains("a.*", StringComparison.Ordinal)))
        {
            index.Same("""{"size":0,"aggs":{"t":{"terms":{"field":"FIELD",SETTINGS},"aggs":{"c":{"terms":{"field":"code"}}}}}}"""
                .Replace("SETTINGS", settings, StringComparison.Ordinal).Replace("FIELD", field, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ARunIsParsedOnceForAllTheFieldsOfTheFirstRequestThatReadsIt()
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky);

        index.Same("""{"size":0,"query":{"bool":{"filter":[{"term":{"tag":"a"}},{"exists":{"field":"obj.a"}}]}},"aggs":{"c":{"terms":{"field":"code"}},"r":{"avg":{"field":"ratio"}}}}""");

        var columns = index.Index.Table.Range(null, null).First().Run!.Columns;
        columns.BuildPasses.ShouldBe(1);
        columns.Count.ShouldBeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public void ColumnsAreActuallyReadAndGiveTheExpectedBuckets()
    {
        var index = new ColumnIndex().AddRun(ColumnIndex.Tricky);

        var answer = index.Same("""{"size":0,"aggs":{"t":{"terms":{"field":"tag"}},"codes":{"terms":{"field":"code"}}}}""");

        // tag "a" is in documents 0, 1 (once, though written twice with b) and 5.
        answer.At("aggregations.t.buckets.0.key").GetString().ShouldBe("a");
        answer.At("aggregations.t.buckets.0.doc_count").GetInt32().ShouldBe(3);
        answer.At("aggregations.codes.buckets.0.key").GetDouble().ShouldBe(200);
        answer.At("aggregations.codes.buckets.0.doc_count").GetInt32().ShouldBe(2);
        index.Index.Table.Range(null, null).First().Run!.Columns.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void AWindowAggregationLikeTheAlertEnginesGivesTheSameAnswerAsTheSourcePath()
    {
        var index = new ColumnIndex();
        var random = new Random(11);
        // Each run less than half the one before, so they stay separate runs and the window spans several.
        foreach (var size in new[] { 240, 100, 40, 15 })
        {
            index.AddRun(Enumerable.Range(0, size).Select(_ => ColumnIndex.Tricky[random.Next(ColumnIndex.Tricky.Length)]));
        }

        var answer = index.Same("""
            {"size":0,"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"2024-05-01T11:01:00Z","lt":"2024-05-01T11:07:00Z","format":"strict_date_optional_time"}}},
              {"terms":{"tag":["a","b"]}},{"exists":{"field":"code"}}]}},
             "aggs":{"g0":{"terms":{"field":"tag","size":500},"aggs":{
               "bad":{"filter":{"bool":{"should":[{"range":{"code":{"gte":400,"lte":599}}}],"minimum_should_match":1}},
                 "aggs":{"paths":{"terms":{"field":"obj.a","size":5}},"codes":{"terms":{"field":"code","size":5}},
                   "samples":{"top_hits":{"size":3,"sort":[{"@timestamp":{"order":"desc"}}]}}}},
               "ips":{"terms":{"field":"client.ip","size":5}},"clients":{"cardinality":{"field":"client.ip"}},
               "over_time":{"date_histogram":{"field":"@timestamp","fixed_interval":"1m"}}}}}}
            """);

        answer.At("hits.total.value").GetInt32().ShouldBeGreaterThan(0);
        index.Index.Table.RunCount.ShouldBe(4);
    }
}
