using ObservabilityStack.Benchmarks.Gateway;

namespace ObservabilityStack.Gateway.Tests.LoadRun;

public class OpenLoopTallyTests
{
    private const long TicksPerSecond = 1_000_000;
    private const long Ms = TicksPerSecond / 1000;

    [Fact]
    public void AGeneratorThatFallsBehindShowsItAsLatencyAndLateSendsNotAsFewerRequests()
    {
        // 100 requests due every 10 ms; from request 50 on no connection is free for 200 ms.
        var tally = new OpenLoopTally(0, 1000 * Ms, TicksPerSecond);
        for (var i = 0; i < 100; i++)
        {
            var scheduled = i * 10 * Ms;
            var sent = i < 50 ? scheduled : scheduled + (200 * Ms);
            tally.Record(scheduled, sent, sent + (5 * Ms), 500, error: false);
        }

        tally.Requests.ShouldBe(100);
        tally.LateSends.ShouldBe(50);
        tally.Latency(0.50).ShouldBe(5);
        tally.Latency(0.99).ShouldBe(205);
        tally.Service(0.99).ShouldBe(5);
        tally.SendLag(0.99).ShouldBe(200);
    }

    [Fact]
    public void TheAchievedRateIsTheOfferedOneWhenEveryAnswerCameWithinTheSchedule()
    {
        var tally = new OpenLoopTally(0, 1000 * Ms, TicksPerSecond);
        for (var i = 0; i < 300; i++)
        {
            tally.Record(i * 3333, i * 3333, (i * 3333) + (2 * Ms), 500, error: false);
        }

        tally.AchievedEventsPerSecond.ShouldBe(150_000, tolerance: 0.001);
    }

    [Fact]
    public void AnswersArrivingAfterTheScheduleEndedStretchTheRunAndLowerTheAchievedRate()
    {
        var tally = new OpenLoopTally(1_000 * Ms, 1000 * Ms, TicksPerSecond);
        tally.Record(1_000 * Ms, 1_000 * Ms, 2_000 * Ms, 500, error: false);
        tally.Record(1_500 * Ms, 1_500 * Ms, 3_000 * Ms, 500, error: false);
        tally.AchievedEventsPerSecond.ShouldBe(500, tolerance: 0.001);
    }

    [Fact]
    public void ErrorsAreCountedAndAddNoAcceptedEvents()
    {
        var tally = new OpenLoopTally(0, 1000 * Ms, TicksPerSecond);
        tally.Record(0, 0, 5 * Ms, 500, error: false);
        tally.Record(0, 0, 5 * Ms, 0, error: true);
        tally.Errors.ShouldBe(1);
        tally.AcceptedEvents.ShouldBe(500);
    }

    [Theory]
    [InlineData(0.50, 50)]
    [InlineData(0.99, 99)]
    [InlineData(0.999, 100)]
    [InlineData(1.0, 100)]
    [InlineData(0.0, 1)]
    public void QuantilesAreNearestRankOverTheValuesInAnyOrder(double q, double expected)
    {
        var values = Enumerable.Range(1, 100).Select(v => (double)v).Reverse().ToList();
        OpenLoopTally.NearestRank(values, q).ShouldBe(expected);
    }

    [Fact]
    public void AQuantileOfNothingIsZero() => OpenLoopTally.NearestRank([], 0.99).ShouldBe(0);
}
