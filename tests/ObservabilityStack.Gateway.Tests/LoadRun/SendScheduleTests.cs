using ObservabilityStack.Benchmarks.Gateway;

namespace ObservabilityStack.Gateway.Tests.LoadRun;

public class SendScheduleTests
{
    private const long TicksPerSecond = 1_000_000_000;

    [Fact]
    public void AtOneHundredFiftyThousandEventsPerSecondBatchesOfFiveHundredLeaveEveryThirdOfAMillisecond()
    {
        var schedule = new SendSchedule(150_000, 500, TicksPerSecond);
        schedule.BatchesPerSecond.ShouldBe(300);
        schedule.OffsetOf(0).ShouldBe(0);
        schedule.OffsetOf(1).ShouldBe(3_333_333);
        schedule.OffsetOf(2).ShouldBe(6_666_666);
        schedule.OffsetOf(3).ShouldBe(10_000_000);
        schedule.OffsetOf(300).ShouldBe(TicksPerSecond);
    }

    [Fact]
    public void OffsetsAreComputedFromTheIndexSoAnHourLongScheduleDoesNotDrift()
    {
        // Adding a rounded 3,333,333-tick interval up would be 1,080,000 batches x 1/3 tick = 360,000 ticks late after an hour.
        var schedule = new SendSchedule(150_000, 500, TicksPerSecond);
        schedule.OffsetOf(300L * 3600).ShouldBe(3600 * TicksPerSecond);
        schedule.OffsetOf((300L * 3600) + 1).ShouldBe((3600 * TicksPerSecond) + 3_333_333);
    }

    [Fact]
    public void OffsetsGrowMonotonicallyWithNoGapLargerThanOneIntervalRoundedUp()
    {
        var schedule = new SendSchedule(7_919, 500, 10_000_000);
        var interval = 500 * 10_000_000.0 / 7_919;
        for (var i = 1L; i < 10_000; i++)
        {
            var gap = schedule.OffsetOf(i) - schedule.OffsetOf(i - 1);
            gap.ShouldBeInRange((long)Math.Floor(interval), (long)Math.Ceiling(interval));
        }
    }

    [Theory]
    [InlineData(150_000, 10, 3_000)]
    [InlineData(150_000, 1, 300)]
    [InlineData(100_000, 10, 2_000)]
    [InlineData(1_000, 1, 2)]
    [InlineData(499, 1, 1)]
    public void ASchedulesLengthHoldsTheBatchesDueStrictlyBeforeItsEnd(long eventsPerSecond, int seconds, long batches)
    {
        var schedule = new SendSchedule(eventsPerSecond, 500, TicksPerSecond);
        var duration = seconds * TicksPerSecond;
        schedule.BatchesWithin(duration).ShouldBe(batches);
        schedule.OffsetOf(batches - 1).ShouldBeLessThan(duration);
        schedule.OffsetOf(batches).ShouldBeGreaterThanOrEqualTo(duration);
    }

    [Fact]
    public void ACountOfBatchesAgreesWithTheOffsetsForAwkwardRatesAndLengths()
    {
        var schedule = new SendSchedule(7_919, 500, 10_000_000);
        foreach (var duration in new long[] { 1, 631_392, 631_393, 631_394, 9_999_999, 123_456_789 })
        {
            var count = schedule.BatchesWithin(duration);
            schedule.OffsetOf(count - 1).ShouldBeLessThan(duration);
            schedule.OffsetOf(count).ShouldBeGreaterThanOrEqualTo(duration);
        }

        schedule.BatchesWithin(0).ShouldBe(0);
    }

    [Fact]
    public void ASendThatLeftLateCountsItsLatencyFromWhenItWasDueNotFromWhenItLeft()
    {
        // Due at 1,000, no connection free until 31,000, answered at 36,000: 35,000 of latency, not the 5,000 of service time.
        SendSchedule.LatencyTicks(scheduled: 1_000, sent: 31_000, answered: 36_000).ShouldBe(35_000);
    }

    [Fact]
    public void ASendThatLeftEarlyCountsFromWhenItLeftSoTheLatencyIsNeverBelowTheServiceTime()
    {
        SendSchedule.LatencyTicks(scheduled: 1_000, sent: 900, answered: 6_000).ShouldBe(5_100);
    }

    [Fact]
    public void ARateOrBatchBelowOneIsRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new SendSchedule(0, 500, TicksPerSecond));
        Should.Throw<ArgumentOutOfRangeException>(() => new SendSchedule(150_000, 0, TicksPerSecond));
    }
}
