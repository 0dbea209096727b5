using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Execution;
using ObservabilityStack.Conformance.Spec;

namespace ObservabilityStack.Conformance.Suite;

/// <summary>
/// Runs Elasticsearch YAML REST tests against one cluster: for every test, setup, the test's steps and teardown,
/// then a wipe of the cluster. Failures never stop the run; each test ends passed, failed or skipped.
/// </summary>
public sealed class ConformanceRunner
{
    private static readonly Dictionary<string, string> NoHeaders = [];
    private readonly ConformanceOptions _options;
    private readonly ApiSpecCatalog _catalog;

    /// <summary>Loads the specs; throws <see cref="DirectoryNotFoundException"/> when none can be found.</summary>
    public ConformanceRunner(ConformanceOptions options)
    {
        _options = options;
        var apiDirectory = options.ApiDirectory ?? SuiteLayout.FindApiDirectory(options.TestsPath)
            ?? throw new DirectoryNotFoundException($"no API spec folder ('api' with _common.json) found beside {options.TestsPath}");
        _catalog = ApiSpecCatalog.Load(apiDirectory);
    }

    /// <summary>Runs every matching test against the cluster at <paramref name="url"/>.</summary>
    public async Task<SuiteResult> RunAsync(Uri url, CancellationToken cancellationToken = default)
    {
        using var client = new RestClient(url, _options.RequestTimeout);
        var steps = new StepRunner(new DoStep(new RequestBuilder(_catalog), client));
        var wiper = new ClusterWiper(client);
        var version = await ReadVersionAsync(client, cancellationToken).ConfigureAwait(false);
        var prerequisites = new Prerequisites(version, _options.ClusterFeatures, (c, ct) => CapabilityAsync(client, c, ct));
        var outcomes = new List<TestOutcome>();
        await wiper.WipeAsync(cancellationToken).ConfigureAwait(false);

        foreach (var (path, folder, name) in SuiteLayout.FindTestFiles(_options.TestsPath))
        {
            TestFile file;
            try
            {
                file = TestFileParser.Parse(folder, name, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            }
            catch (FormatException e)
            {
                Record(outcomes, new TestOutcome($"{folder}/{name}/(file)", TestStatus.Failed, e.Message));
                continue;
            }

            var selected = file.Tests.Where(t => _options.Filter is null || file.FullName(t).Contains(_options.Filter, StringComparison.Ordinal)).ToList();
            if (selected.Count == 0)
            {
                continue;
            }

            var fileSkip = await prerequisites.SkipReasonAsync(file.Setup, cancellationToken).ConfigureAwait(false)
                ?? await prerequisites.SkipReasonAsync(file.Teardown, cancellationToken).ConfigureAwait(false);
            foreach (var test in selected)
            {
                var skip = fileSkip ?? await prerequisites.SkipReasonAsync(test.Steps, cancellationToken).ConfigureAwait(false);
                var outcome = skip is not null
                    ? new TestOutcome(file.FullName(test), TestStatus.Skipped, skip)
                    : await RunTestAsync(file, test, steps, wiper, cancellationToken).ConfigureAwait(false);
                Record(outcomes, outcome);
            }
        }

        return new SuiteResult(outcomes, wiper.Problems.ToList());
    }

    private void Record(List<TestOutcome> outcomes, TestOutcome outcome)
    {
        outcomes.Add(outcome);
        _options.OnOutcome?.Invoke(outcome);
    }

    private static async Task<TestOutcome> RunTestAsync(TestFile file, TestCase test, StepRunner steps, ClusterWiper wiper, CancellationToken cancellationToken)
    {
        var stash = new Stash();
        string? failure = null;
        try
        {
            await steps.RunAsync("setup", file.Setup, stash, cancellationToken).ConfigureAwait(false);
            await steps.RunAsync("test", test.Steps, stash, cancellationToken).ConfigureAwait(false);
        }
        catch (StepFailedException e)
        {
            failure = e.Message;
        }

        try
        {
            await steps.RunAsync("teardown", file.Teardown, stash, cancellationToken).ConfigureAwait(false);
        }
        catch (StepFailedException e)
        {
            failure ??= e.Message;
        }

        await wiper.WipeAsync(cancellationToken).ConfigureAwait(false);
        return new TestOutcome(file.FullName(test), failure is null ? TestStatus.Passed : TestStatus.Failed, failure);
    }

    private static async Task<ClusterVersion> ReadVersionAsync(RestClient client, CancellationToken cancellationToken)
    {
        try
        {
            var info = await client.SendAsync(new RestRequest(HttpMethod.Get, "/", null, "application/json", NoHeaders), cancellationToken).ConfigureAwait(false);
            if (ClusterVersion.TryParse(JsonText.Scalar(info.Body.Prop("version").Prop("number")), out var version))
            {
                return version;
            }
        }
        catch (StepFailedException)
        {
            // Unreachable clusters fail every test anyway; version-gated skips then assume a 9.0 cluster.
        }

        return new ClusterVersion(9, 0, 0);
    }

    private static async Task<bool> CapabilityAsync(RestClient client, JsonObject capability, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        foreach (var key in new[] { "method", "path", "capabilities", "parameters" })
        {
            if (capability[key] is { } value)
            {
                var text = value is JsonArray list ? string.Join(',', list.Select(JsonText.Scalar)) : JsonText.Scalar(value);
                query.Add($"{key}={Uri.EscapeDataString(text)}");
            }
        }

        try
        {
            var response = await client.SendAsync(new RestRequest(HttpMethod.Get, "/_capabilities?" + string.Join('&', query), null, "application/json", NoHeaders), cancellationToken).ConfigureAwait(false);
            return response.Status == 200 && response.Body.Prop("supported") is JsonValue supported && supported.GetValueKind() == System.Text.Json.JsonValueKind.True;
        }
        catch (StepFailedException)
        {
            return false;
        }
    }
}
