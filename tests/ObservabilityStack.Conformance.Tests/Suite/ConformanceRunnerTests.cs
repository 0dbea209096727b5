using Microsoft.AspNetCore.Http;
using ObservabilityStack.Conformance.Suite;
using ObservabilityStack.Conformance.Tests.Support;

namespace ObservabilityStack.Conformance.Tests.Suite;

public sealed class ConformanceRunnerTests : IDisposable
{
    private readonly TempSuite _suite = new();

    [Fact]
    public async Task EachTestRunsSetupStepsAndTeardownAndEndsPassedFailedOrSkipped()
    {
        _suite.WriteTest("docs", "10_basic", """
            setup:
              - do: {indices.create: {index: test}}
            ---
            teardown:
              - do: {indices.exists: {index: test}}
            ---
            "indexes a document":
              - do: {index: {index: test, id: "1", body: {a: 1}}}
              - match: {result: created}
              - set: {_id: id}
              - do: {search: {index: test, body: {query: {ids: {values: ["$id"]}}}}}
              - match: {hits.total.value: 1}
            ---
            "wrong expectation":
              - do: {index: {index: test, id: "1", body: {a: 1}}}
              - match: {result: updated}
            ---
            "needs a newer cluster":
              - requires: {cluster_features: [gte_v99.0.0], reason: future}
              - do: {info: {}}
            """);
        await using var cluster = await FakeCluster.StartAsync(AnswerAsync);

        var result = await new ConformanceRunner(new ConformanceOptions { TestsPath = _suite.TestsDirectory }).RunAsync(cluster.Url);

        result.Outcomes.Select(o => o.ToString()).ShouldBe([
            "PASS docs/10_basic/indexes a document",
            "FAIL docs/10_basic/wrong expectation: test step 2 (match): match result: expected \"updated\" but got \"created\"",
            "SKIP docs/10_basic/needs a newer cluster: cluster feature 'gte_v99.0.0' not present",
        ]);
        result.Summary.ShouldBe("1 passed, 1 failed, 1 skipped");
        cluster.Requests.ShouldContain("POST /test/_search {\"query\":{\"ids\":{\"values\":[\"1\"]}}}");
        cluster.Requests.ShouldContain("HEAD /test");
    }

    [Fact]
    public async Task CatchChecksTheStatusOrTheErrorTextAndLetsLaterStepsReadTheErrorBody()
    {
        _suite.WriteTest("errors", "10_catch", """
            "missing index":
              - do: {catch: missing, search: {index: nope}}
              - match: {error.type: index_not_found_exception}
              - do: {catch: "/no such index \\[nope\\]/", search: {index: nope}}
              - do: {catch: request, search: {index: broken}}
            ---
            "error expected but none came":
              - do: {catch: bad_request, search: {index: test}}
            ---
            "unexpected error":
              - do: {search: {index: nope}}
            """);
        await using var cluster = await FakeCluster.StartAsync(AnswerAsync);

        var result = await new ConformanceRunner(new ConformanceOptions { TestsPath = _suite.TestsDirectory }).RunAsync(cluster.Url);

        result.Outcomes[0].Status.ShouldBe(TestStatus.Passed, result.Outcomes[0].Reason);
        result.Outcomes[1].Reason.ShouldBe("test step 1 (do): search GET /test/_search: expected catch 'bad_request' but got 200: {\"hits\":{\"total\":{\"value\":1}}}");
        result.Outcomes[2].Reason!.ShouldStartWith("test step 1 (do): search GET /nope/_search failed with 404: ");
    }

    [Fact]
    public async Task ParamCatchesClientSideErrorsIgnoreAcceptsStatusesAndHeadAnswersAreBooleans()
    {
        _suite.WriteTest("client", "10_side", """
            "client side":
              - do: {catch: param, search: {index: test, bogus: 1}}
              - do: {catch: param, indices.create: {}}
              - do: {search: {index: nope, ignore: 404}}
              - match: {error.type: index_not_found_exception}
              - do: {indices.exists: {index: nope}}
              - is_false: ''
              - do: {indices.exists: {index: test}}
              - is_true: ''
            ---
            "param expected but the call is valid":
              - do: {catch: param, search: {index: test}}
            """);
        await using var cluster = await FakeCluster.StartAsync(AnswerAsync);

        var result = await new ConformanceRunner(new ConformanceOptions { TestsPath = _suite.TestsDirectory }).RunAsync(cluster.Url);

        result.Outcomes[0].Status.ShouldBe(TestStatus.Passed, result.Outcomes[0].Reason);
        result.Outcomes[1].Reason.ShouldBe("test step 1 (do): search: expected an unknown-parameter error but every parameter is in the spec");
        cluster.Requests.ShouldNotContain(r => r.Contains("bogus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheClusterIsWipedBeforeTheRunAndAfterEveryTest()
    {
        _suite.WriteTest("a", "1", "\"one\":\n  - do: {info: {}}\n---\n\"two\":\n  - do: {info: {}}\n");
        await using var cluster = await FakeCluster.StartAsync(AnswerAsync);

        var result = await new ConformanceRunner(new ConformanceOptions { TestsPath = _suite.TestsDirectory, Filter = "a/1/tw" }).RunAsync(cluster.Url);

        result.Outcomes.Select(o => o.Name).ShouldBe(["a/1/two"]);
        cluster.Requests.Count(r => r == "DELETE /_data_stream/*?expand_wildcards=all").ShouldBe(2);
        cluster.Requests.Count(r => r == "DELETE /*,-.*?expand_wildcards=open,closed,hidden").ShouldBe(2);
        cluster.Requests.ShouldContain("DELETE /_index_template/user-template");
        cluster.Requests.ShouldNotContain("DELETE /_index_template/logs");
        cluster.Requests.ShouldNotContain("DELETE /_index_template/managed-one");
        cluster.Requests.ShouldContain("DELETE /_ilm/policy/user-policy");
        cluster.Requests.ShouldNotContain("DELETE /_ilm/policy/7-days-default");
    }

    [Fact]
    public async Task AnUnreadableFileIsOneFailureAndTheRunGoesOn()
    {
        _suite.WriteTest("bad", "1", "\"t\":\n  - do: {info: {}\n");
        _suite.WriteTest("good", "1", "\"t\":\n  - do: {info: {}}\n");
        await using var cluster = await FakeCluster.StartAsync(AnswerAsync);

        var result = await new ConformanceRunner(new ConformanceOptions { TestsPath = _suite.TestsDirectory }).RunAsync(cluster.Url);

        result.Outcomes.Select(o => $"{o.Status} {o.Name}").ShouldBe(["Failed bad/1/(file)", "Passed good/1/t"]);
    }

    public void Dispose() => _suite.Dispose();

    /// <summary>A caricature of a 9.1 cluster: enough answers for the runner's own behaviour to be observable.</summary>
    private static Task AnswerAsync(HttpContext context, string body)
    {
        var request = $"{context.Request.Method} {context.Request.Path}";
        return request switch
        {
            "GET /" => FakeCluster.JsonAsync(context, 200, """{"version":{"number":"9.1.0"}}"""),
            "GET /_index_template" => FakeCluster.JsonAsync(context, 200, """
                {"index_templates":[{"name":"logs","index_template":{}},{"name":"user-template","index_template":{}},
                 {"name":"managed-one","index_template":{"_meta":{"managed":true}}}]}
                """),
            "GET /_ilm/policy" => FakeCluster.JsonAsync(context, 200, """{"7-days-default":{"policy":{}},"user-policy":{"policy":{}}}"""),
            "PUT /test/_doc/1" => FakeCluster.JsonAsync(context, 201, """{"result":"created","_id":"1"}"""),
            "GET /test/_search" or "POST /test/_search" => FakeCluster.JsonAsync(context, 200, """{"hits":{"total":{"value":1}}}"""),
            "GET /nope/_search" => FakeCluster.JsonAsync(context, 404, """{"error":{"type":"index_not_found_exception","reason":"no such index [nope]"},"status":404}"""),
            "HEAD /nope" => FakeCluster.JsonAsync(context, 404, string.Empty),
            "GET /broken/_search" => FakeCluster.JsonAsync(context, 500, """{"error":{"type":"x"},"status":500}"""),
            _ => FakeCluster.JsonAsync(context, 200, "{}"),
        };
    }
}
