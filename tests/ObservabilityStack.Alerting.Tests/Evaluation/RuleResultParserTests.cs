using System.Text.Json;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.Tests.Support;

namespace ObservabilityStack.Alerting.Tests.Evaluation;

public sealed class RuleResultParserTests
{
    private static readonly EvaluationRange FiveMinutes = new(
        new DateTimeOffset(2026, 11, 21, 11, 55, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AnHttpStatusAnswerBecomesARatioPerServiceLargestFirst()
    {
        var json = """
            {"aggregations":{"g0":{"buckets":[
              {"key":"crm-api","doc_count":200,"bad":{"doc_count":2,"paths":{"buckets":[]},"codes":{"buckets":[]},"samples":{"hits":{"hits":[]}}}},
              {"key":"shop-api","doc_count":100,"bad":{"doc_count":25,
                 "paths":{"buckets":[{"key":"/orders","doc_count":20}]},
                 "codes":{"buckets":[{"key":503,"doc_count":25}]},
                 "samples":{"hits":{"hits":[{"_source":{"@timestamp":"2026-11-21T11:59:00Z","service":{"name":"shop-api"},"http":{"response":{"status_code":503}},"url.path":"/orders","message":"boom"}}]}}}}
            ]}}}
            """;

        var groups = Parse(SomeRule.Http5xx(services: ["shop-api", "crm-api"]), json);

        groups.Select(g => g.Key).ShouldBe(["shop-api", "crm-api"]);
        groups[0].Value.ShouldBe(25);
        groups[0].Matched.ShouldBe(25);
        groups[0].Total.ShouldBe(100);
        groups[0].Service.ShouldBe("shop-api");
        groups[0].Top["url.path"].ShouldHaveSingleItem().ShouldBe(new TopItem("/orders", 20));
        groups[0].Top["http.response.status_code"][0].Value.ShouldBe("503");
        groups[0].Samples.ShouldHaveSingleItem().ShouldBe("2026-11-21T11:59:00Z shop-api 503 /orders boom");
        groups[1].Value.ShouldBe(1);
    }

    [Fact]
    public void ARatioOverTooFewRequestsIsMarkedAsNotEnoughData()
    {
        var json = """{"aggregations":{"g0":{"buckets":[{"key":"shop-api","doc_count":3,"bad":{"doc_count":3}}]}}}""";

        var group = Parse(SomeRule.Http5xx() with { MinRequests = 20 }, json).ShouldHaveSingleItem();

        group.Value.ShouldBe(100);
        group.HasEnoughData.ShouldBeFalse();
    }

    [Fact]
    public void ARequestRateIsDocumentsPerSecondOfTheRange()
    {
        var json = """{"aggregations":{"g0":{"buckets":[{"key":"shop-api","doc_count":6000,"ips":{"buckets":[{"key":"10.0.0.9","doc_count":5000}]},"paths":{"buckets":[]}}]}}}""";

        var group = Parse(SomeRule.Of(RuleType.RequestRate), json).ShouldHaveSingleItem();

        group.Value.ShouldBe(20);
        group.Top["client.ip"].ShouldHaveSingleItem().ShouldBe(new TopItem("10.0.0.9", 5000));
    }

    [Fact]
    public void AnAbsenceAnswerListsEveryServiceEvenWithoutABucket()
    {
        var json = """{"aggregations":{"services":{"buckets":{"shop-api":{"doc_count":12}}}}}""";

        var groups = Parse(SomeRule.Of(RuleType.Absence, "silent", "shop-api", "mes-api"), json);

        groups.Single(g => g.Key == "mes-api").Value.ShouldBe(0);
        groups.Single(g => g.Key == "shop-api").Value.ShouldBe(12);
    }

    [Fact]
    public void AnAbsenceRuleOverNoIndicesAtAllFindsEveryServiceSilent()
    {
        var groups = Parse(SomeRule.Of(RuleType.Absence, "silent", "shop-api"), """{"hits":{"total":{"value":0},"hits":[]}}""");

        groups.ShouldHaveSingleItem().Value.ShouldBe(0);
    }

    [Fact]
    public void NewExceptionTypesSkipTypesSeenBeforeTheWindow()
    {
        var json = """
            {"aggregations":{"g0":{"buckets":[{"key":"shop-api","doc_count":9,"g1":{"buckets":[
              {"key":"OldException","doc_count":5,"earlier":{"doc_count":4},"recent":{"doc_count":1}},
              {"key":"NewException","doc_count":3,"earlier":{"doc_count":0},"recent":{"doc_count":3,"samples":{"hits":{"hits":[]}}}},
              {"key":"GoneException","doc_count":1,"earlier":{"doc_count":0},"recent":{"doc_count":0}}
            ]}}]}}}
            """;

        var group = Parse(SomeRule.Of(RuleType.Exception) with { NewTypesOnly = true }, json).ShouldHaveSingleItem();

        group.Key.ShouldBe("shop-api/NewException");
        group.Fields["error.type"].ShouldBe("NewException");
        group.Value.ShouldBe(3);
    }

    [Fact]
    public void ACardinalityMetricIsTheGroupValue()
    {
        var json = """{"aggregations":{"g0":{"buckets":[{"key":"shop-api","doc_count":50,"metric":{"value":7}}]}}}""";

        Parse(SomeRule.Of(RuleType.Query) with { Query = "*", Metric = "cardinality:user.id" }, json).ShouldHaveSingleItem().Value.ShouldBe(7);
    }

    private static IReadOnlyList<GroupResult> Parse(AlertRule rule, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return RuleResultParser.Parse(rule, FiveMinutes, doc.RootElement);
    }
}
