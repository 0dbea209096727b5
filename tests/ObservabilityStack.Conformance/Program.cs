using ObservabilityStack.Conformance.Cli;
using ObservabilityStack.Conformance.Suite;

var arguments = RunnerArguments.Parse(args, out var error);
if (arguments is null)
{
    if (!string.IsNullOrEmpty(error))
    {
        Console.Error.WriteLine($"error: {error}");
    }

    Console.Error.WriteLine(RunnerArguments.Usage);
    return string.IsNullOrEmpty(error) && args.Length > 0 ? 0 : 2;
}

var features = new HashSet<string>(arguments.Url is null ? EmulatorClusterFeatures.All : [], StringComparer.Ordinal);
features.UnionWith(arguments.Features);
var options = new ConformanceOptions
{
    TestsPath = arguments.Tests,
    ApiDirectory = arguments.Api,
    Filter = arguments.Filter,
    ClusterFeatures = features,
    OnOutcome = outcome =>
    {
        if (arguments.Verbose || outcome.Status == TestStatus.Failed)
        {
            Console.WriteLine(outcome.ToString());
        }
    },
};

SuiteResult result;
try
{
    result = await EmulatorConformance.RunAsync(options, arguments.Url);
}
catch (DirectoryNotFoundException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (FormatException e)
{
    Console.Error.WriteLine($"error: API spec: {e.Message}");
    return 2;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or HttpRequestException)
{
    // The suite could not run at all (emulator failed to start, unreadable files): say so, no stack trace.
    Console.Error.WriteLine($"error: the suite could not run: {e.Message}");
    return 1;
}

foreach (var problem in result.WipeProblems)
{
    Console.Error.WriteLine($"wipe: {problem}");
}

if (arguments.Results is not null)
{
    await File.WriteAllLinesAsync(arguments.Results, result.Outcomes.Select(o => o.ToString()).Append(result.Summary));
}

Console.WriteLine(result.Summary);
return 0;
