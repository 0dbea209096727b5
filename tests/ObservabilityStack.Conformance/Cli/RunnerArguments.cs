namespace ObservabilityStack.Conformance.Cli;

/// <summary>Parsed command line of the conformance runner.</summary>
public sealed class RunnerArguments
{
    /// <summary>Usage text shown on errors and <c>--help</c>.</summary>
    public const string Usage =
        "usage: ObservabilityStack.Conformance --tests DIR|FILE [--url URL] [--filter SUBSTR] [--api DIR]\n" +
        "                                      [--results FILE] [--feature NAME]... [--verbose]\n" +
        "  --tests    YAML REST tests (a folder, searched recursively, or one file)\n" +
        "  --url      cluster to test; without it an in-process emulator is started on a free port\n" +
        "  --filter   only tests whose folder/file/test name contains SUBSTR\n" +
        "  --api      REST API spec folder (default: the 'api' folder beside the tests)\n" +
        "  --results  write every test's PASS/FAIL/SKIP line to FILE\n" +
        "  --feature  declare a cluster feature the cluster has (repeatable)\n" +
        "  --verbose  also print PASS and SKIP lines";

    /// <summary>Tests folder or file.</summary>
    public string Tests { get; private set; } = string.Empty;

    /// <summary>Cluster URL, or null for the in-process emulator.</summary>
    public Uri? Url { get; private set; }

    /// <summary>Name filter.</summary>
    public string? Filter { get; private set; }

    /// <summary>Spec folder override.</summary>
    public string? Api { get; private set; }

    /// <summary>Listing file.</summary>
    public string? Results { get; private set; }

    /// <summary>Declared cluster features.</summary>
    public HashSet<string> Features { get; } = new(StringComparer.Ordinal);

    /// <summary>Print PASS/SKIP lines too.</summary>
    public bool Verbose { get; private set; }

    /// <summary>Parses arguments; returns null and an error message on bad usage.</summary>
    public static RunnerArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var parsed = new RunnerArguments();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--verbose")
            {
                parsed.Verbose = true;
                continue;
            }

            if (name is "--help" or "-h")
            {
                error = string.Empty;
                return null;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"option {name} needs a value";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--tests": parsed.Tests = value; break;
                case "--filter": parsed.Filter = value; break;
                case "--api": parsed.Api = value; break;
                case "--results": parsed.Results = value; break;
                case "--feature": parsed.Features.Add(value); break;
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https":
                    parsed.Url = url;
                    break;
                case "--url":
                    error = $"--url '{value}' is not an http(s) URL";
                    return null;
                default:
                    error = $"unknown option '{name}'";
                    return null;
            }
        }

        if (parsed.Tests.Length == 0)
        {
            error = "--tests is required";
            return null;
        }

        if (!Directory.Exists(parsed.Tests) && !File.Exists(parsed.Tests))
        {
            error = $"--tests '{parsed.Tests}' does not exist";
            return null;
        }

        if (parsed.Api is not null && !File.Exists(Path.Combine(parsed.Api, "_common.json")))
        {
            error = $"--api '{parsed.Api}' has no _common.json";
            return null;
        }

        return parsed;
    }
}
