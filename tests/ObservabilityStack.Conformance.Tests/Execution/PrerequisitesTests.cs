using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Execution;
using ObservabilityStack.Conformance.Yaml;

namespace ObservabilityStack.Conformance.Tests.Execution;

public sealed class PrerequisitesTests
{
    private readonly List<string> _capabilityQueries = [];

    [Theory]
    [InlineData("- requires: {cluster_features: [gte_v8.15.0], reason: r}", null)]
    [InlineData("- requires: {cluster_features: [gte_v9.2.0], reason: r}", "cluster feature 'gte_v9.2.0' not present")]
    [InlineData("- requires: {cluster_features: [data_stream.failure_store], reason: r}", "cluster feature 'data_stream.failure_store' not present")]
    [InlineData("- requires: {cluster_features: [declared_feature], reason: r}", null)]
    [InlineData("- requires: {test_runner_features: [yaml]}", "runner feature 'yaml' not supported")]
    [InlineData("- requires: {test_runner_features: headers}", null)]
    [InlineData("- skip: {features: [yaml]}", "runner feature 'yaml' not supported")]
    [InlineData("- skip: {version: \" - 7.9.99\", reason: old}", null)]
    [InlineData("- skip: {version: \"8.0.0 - \", reason: new}", "version 9.1.0 in skipped range '8.0.0 - '")]
    [InlineData("- skip: {cluster_features: [gte_v7.2.0], reason: r}", "cluster feature 'gte_v7.2.0' present")]
    [InlineData("- skip: {awaits_fix: \"bug\"}", "known issue / awaits fix")]
    [InlineData("- do: {info: {}}\n- skip: {version: all}", null)]
    public async Task LeadingSkipAndRequiresStepsDecideWhetherASectionRuns(string yaml, string? reason)
    {
        (await Evaluator().SkipReasonAsync(Steps(yaml))).ShouldBe(reason);
    }

    [Fact]
    public async Task CapabilitiesAreAskedOfTheClusterAndSkipWhenUnsupported()
    {
        var steps = Steps("- requires: {capabilities: [{method: GET, path: /_x, capabilities: [supported_one]}, {method: GET, path: /_y, capabilities: [other]}]}");

        (await Evaluator().SkipReasonAsync(steps)).ShouldBe("capability GET /_y [\"other\"] not supported");
        _capabilityQueries.ShouldBe(["/_x", "/_y"]);
    }

    private Prerequisites Evaluator() => new(
        new ClusterVersion(9, 1, 0),
        new HashSet<string> { "declared_feature" },
        (capability, _) =>
        {
            _capabilityQueries.Add(JsonText.Scalar(capability["path"]));
            return Task.FromResult(capability["capabilities"]![0]!.GetValue<string>() == "supported_one");
        });

    private static List<JsonObject> Steps(string yaml) => ((JsonArray)YamlToJson.LoadDocuments(yaml)[0]).Cast<JsonObject>().ToList();
}
