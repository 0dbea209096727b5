using ObservabilityStack.Conformance.Execution;

namespace ObservabilityStack.Conformance.Tests.Execution;

public sealed class ClusterVersionTests
{
    [Theory]
    [InlineData(" - 7.9.99", false)]
    [InlineData("8.1.0 - ", true)]
    [InlineData("7.0.0 - 7.9.99, 9.0.0 - 9.2.0", true)]
    [InlineData("9.1.1 - ", false)]
    [InlineData("all", true)]
    [InlineData("garbage", false)]
    public void VersionRangesAreInclusiveAndOpenEnded(string ranges, bool contains)
    {
        ClusterVersion.TryParse("9.1.0-SNAPSHOT", out var version).ShouldBeTrue();

        version.InRanges(ranges).ShouldBe(contains);
    }
}
