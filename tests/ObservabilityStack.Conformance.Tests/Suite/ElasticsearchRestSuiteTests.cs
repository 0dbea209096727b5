using ObservabilityStack.Conformance.Suite;
using ObservabilityStack.Conformance.Tests.Support;
using Xunit.Abstractions;

namespace ObservabilityStack.Conformance.Tests.Suite;

/// <summary>Elasticsearch's own YAML REST tests (../shared/elasticsearch-rest/tests) against an in-process emulator.</summary>
public sealed class ElasticsearchRestSuiteTests
{
    /// <summary>Share of the non-skipped tests the emulator passed when last measured, rounded down. Goal: 0.95.</summary>
    public const double MinimumPassRatio = 0.95;

    /// <summary>Most tests may be skipped by their own skip/requires sections (issue 2: fewer than 15%).</summary>
    public const double MaximumSkipRatio = 0.15;

    private readonly ITestOutputHelper _output;

    public ElasticsearchRestSuiteTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task TheEmulatorPassesAtLeastTheRecordedShareOfElasticsearchsOwnRestTests()
    {
        var tests = Path.Combine(RepoPaths.SharedRest, "tests");
        if (!Directory.Exists(tests))
        {
            _output.WriteLine("shared/elasticsearch-rest not found: conformance suite not run");
            return;
        }

        var options = new ConformanceOptions { TestsPath = tests, ClusterFeatures = EmulatorClusterFeatures.All };
        var result = await EmulatorConformance.RunAsync(options, url: null);

        var listing = Path.Combine(RepoPaths.ArtifactsDirectory, "emulator-results.txt");
        await File.WriteAllLinesAsync(listing, result.Outcomes.Select(o => o.ToString()).Concat(result.WipeProblems.Select(p => "WIPE " + p)).Append(result.Summary));
        _output.WriteLine(result.Summary);
        _output.WriteLine($"pass ratio {result.PassRatio:P1} (minimum {MinimumPassRatio:P0}), skipped {result.SkipRatio:P1}; listing in {listing}");

        result.Outcomes.Count.ShouldBeGreaterThan(0);
        result.PassRatio.ShouldBeGreaterThanOrEqualTo(MinimumPassRatio, result.Summary);
        result.SkipRatio.ShouldBeLessThan(MaximumSkipRatio, result.Summary);
    }
}
