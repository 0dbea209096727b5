using System.Text.Json.Nodes;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.Tests.Support;

namespace ObservabilityStack.Alerting.Tests.Evaluation;

public sealed class RuleQueryBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheRangeEndsAtNowMinusTheIngestDelayAndSpansTheWindow()
    {
        var rule = SomeRule.Http5xx() with { IngestDelay = TimeSpan.FromSeconds(30) };

        var range = EvaluationRange.For(rule, Now);
        var query = RuleQueryBuilder.Build(rule, range);

        var filter = query.Body["query"]!["bool"]!["filter"]!.AsArray();
        var ts = filter[0]!["range"]!["@timestamp"]!;
        ts["gte"]!.GetValue<string>().ShouldBe("2026-11-21T11:54:30.000Z");
        ts["lt"]!.GetValue<string>().ShouldBe("2026-11-21T11:59:30.000Z");
        query.Body["size"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public void AnHttpStatusRuleGroupsByServiceAndCountsTheChosenCodes()
    {
        var rule = SomeRule.Http5xx(services: ["shop-api", "crm-api"]) with
        {
            StatusCodes = [new StatusCodeRange(500, 599), new StatusCodeRange(429, 429)],
        };

        var query = RuleQueryBuilder.Build(rule, EvaluationRange.For(rule, Now));

        query.Index.ShouldBe("logs-shop_api-*,logs-crm_api-*");
        var filter = query.Body["query"]!["bool"]!["filter"]!.AsArray();
        filter[1]!["terms"]!["service.name"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["shop-api", "crm-api"]);
        filter[2]!["exists"]!["field"]!.GetValue<string>().ShouldBe("http.response.status_code");
        var g0 = query.Body["aggs"]!["g0"]!;
        g0["terms"]!["field"]!.GetValue<string>().ShouldBe("service.name");
        var should = g0["aggs"]!["bad"]!["filter"]!["bool"]!["should"]!.AsArray();
        should.Count.ShouldBe(2);
        should[0]!["range"]!["http.response.status_code"]!["gte"]!.GetValue<int>().ShouldBe(500);
        should[1]!["range"]!["http.response.status_code"]!["lte"]!.GetValue<int>().ShouldBe(429);
        query.KqlFilter.ShouldContain("service.name:(\"shop-api\" or \"crm-api\")");
    }

    [Fact]
    public void GroupByFieldsNestUnderTheServiceTerms()
    {
        var rule = SomeRule.Of(RuleType.Query) with { Query = "log.level:error", GroupBy = ["url.path", "host.name"] };

        var query = RuleQueryBuilder.Build(rule, EvaluationRange.For(rule, Now));

        var g1 = query.Body["aggs"]!["g0"]!["aggs"]!["g1"]!;
        g1["terms"]!["field"]!.GetValue<string>().ShouldBe("url.path");
        g1["aggs"]!["g2"]!["terms"]!["field"]!.GetValue<string>().ShouldBe("host.name");
        g1["aggs"]!["g2"]!["aggs"]!["samples"]!["top_hits"].ShouldNotBeNull();
        query.Body["query"]!["bool"]!["filter"]![2]!["query_string"]!["query"]!.GetValue<string>().ShouldBe("log.level:error");
    }

    [Fact]
    public void AnAbsenceRuleHasOneNamedFilterPerService()
    {
        var rule = SomeRule.Of(RuleType.Absence, "silent", "shop-api", "mes-api") with { Environment = "Production" };

        var query = RuleQueryBuilder.Build(rule, EvaluationRange.For(rule, Now));

        query.Index.ShouldBe("logs-shop_api-production,logs-mes_api-production");
        var filters = query.Body["aggs"]!["services"]!["filters"]!["filters"]!.AsObject();
        filters.Select(p => p.Key).ShouldBe(["shop-api", "mes-api"]);
        filters["mes-api"]!["term"]!["service.name"]!.GetValue<string>().ShouldBe("mes-api");
    }

    [Fact]
    public void ANewExceptionTypesRuleLooksBackAndSplitsEarlierFromRecent()
    {
        var rule = SomeRule.Of(RuleType.Exception) with { NewTypesOnly = true, NewTypeLookback = TimeSpan.FromDays(7) };

        var query = RuleQueryBuilder.Build(rule, EvaluationRange.For(rule, Now));

        var filter = query.Body["query"]!["bool"]!["filter"]!.AsArray();
        filter[0]!["range"]!["@timestamp"]!["gte"]!.GetValue<string>().ShouldBe("2026-11-14T11:55:00.000Z");
        var leaf = query.Body["aggs"]!["g0"]!["aggs"]!["g1"]!;
        leaf["terms"]!["field"]!.GetValue<string>().ShouldBe("error.type");
        leaf["aggs"]!["earlier"]!["filter"]!["range"]!["@timestamp"]!["lt"]!.GetValue<string>().ShouldBe("2026-11-21T11:55:00.000Z");
        leaf["aggs"]!["recent"]!["filter"]!["range"]!["@timestamp"]!["gte"]!.GetValue<string>().ShouldBe("2026-11-21T11:55:00.000Z");
    }

    [Fact]
    public void ARequestRateRuleAsksForTopClientIpsAndPaths()
    {
        var rule = SomeRule.Of(RuleType.RequestRate) with { TopN = 3 };

        var query = RuleQueryBuilder.Build(rule, EvaluationRange.For(rule, Now));

        var leaf = query.Body["aggs"]!["g0"]!["aggs"]!;
        leaf["ips"]!["terms"]!["field"]!.GetValue<string>().ShouldBe("client.ip");
        leaf["ips"]!["terms"]!["size"]!.GetValue<int>().ShouldBe(3);
        leaf["paths"]!["terms"]!["field"]!.GetValue<string>().ShouldBe("url.path");
    }

    [Fact]
    public void ACardinalityMetricBecomesACardinalityAggregation()
    {
        var rule = SomeRule.Of(RuleType.Query) with { Query = "*", Metric = "cardinality:user.id" };

        var query = RuleQueryBuilder.Build(rule, EvaluationRange.For(rule, Now));

        query.Body["aggs"]!["g0"]!["aggs"]!["metric"]!["cardinality"]!["field"]!.GetValue<string>().ShouldBe("user.id");
        JsonNode.Parse(query.Body.ToJsonString()).ShouldNotBeNull();
    }
}
