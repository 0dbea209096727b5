using ObservabilityStack.Cli.Commands.Logs;

namespace ObservabilityStack.Cli.Tests.Commands.Logs;

public sealed class LogQueryTests
{
    [Theory]
    [InlineData("15m", "now-15m")]
    [InlineData("2h", "now-2h")]
    [InlineData("7d", "now-7d")]
    [InlineData("2026-11-21T10:00:00Z", "2026-11-21T10:00:00.000Z")]
    public void SinceAcceptsDurationsAndTimestamps(string since, string expected) =>
        LogQuery.ParseSince(since).ShouldBe(expected);

    [Theory]
    [InlineData("fifteen minutes")]
    [InlineData("15")]
    [InlineData("-3m")]
    public void SinceRejectsAnythingElse(string since) => LogQuery.ParseSince(since).ShouldBeNull();

    [Fact]
    public void LevelMeansThisLevelAndMoreSevere()
    {
        var body = new LogQuery(null, "warn", "15m", null, null, null).ToSearchBody(10, newestFirst: true, null).ToJsonString();
        body.ShouldContain("\"log.level\":[\"warn\",\"error\",\"fatal\"]");
        body.ShouldNotContain("\"info\"");
    }

    [Fact]
    public void FiltersBecomeTermsAndTheSortIsATotalOrderForSearchAfter()
    {
        var query = new LogQuery("shop-api", null, "1h", "message:timeout", "o-42", "t-1");
        var body = query.ToSearchBody(5, newestFirst: false, [1_700_000_000_000, "e-9"]).ToJsonString();
        body.ShouldContain("{\"term\":{\"service.name\":\"shop-api\"}}");
        body.ShouldContain("{\"term\":{\"order.id\":\"o-42\"}}");
        body.ShouldContain("{\"term\":{\"trace.id\":\"t-1\"}}");
        body.ShouldContain("\"query_string\":{\"query\":\"message:timeout\"");
        body.ShouldContain("\"gte\":\"now-1h\"");
        body.ShouldContain("\"sort\":[{\"@timestamp\":{\"order\":\"asc\"}},{\"event.id\":{\"order\":\"asc\"");
        body.ShouldContain("\"search_after\":[1700000000000,\"e-9\"]");
    }
}
