using System.CommandLine;

namespace ObservabilityStack.Cli.Commands.Emulator;

/// <summary>
/// <c>--lazy-columns</c>, shared by <c>obs emulator</c> and <c>obs up</c>. By default the embedded emulator builds
/// its doc-value columns in the background shortly after data arrives, as Elasticsearch writes doc values at index
/// time, so the alert engine's first searches over fresh data do not pay for parsing it; the flag trades that for
/// memory (about 150 MB per million log documents) and the CPU of the background pass.
/// </summary>
internal static class LazyColumnsOption
{
    /// <summary>A new instance of the option (System.CommandLine options belong to one command).</summary>
    public static Option<bool> Create() => new("--lazy-columns")
    {
        Description = "Build the emulator's search columns on first use instead of in the background after ingest (less memory, slower first searches).",
    };
}
