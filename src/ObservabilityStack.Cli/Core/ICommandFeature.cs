using System.CommandLine;

namespace ObservabilityStack.Cli.Core;

/// <summary>
/// A reusable group of options (for example how to reach Elasticsearch) that several commands
/// enable, so the same flag means the same thing everywhere.
/// </summary>
internal interface ICommandFeature
{
    /// <summary>The options this feature adds to a command.</summary>
    IEnumerable<Option> Options { get; }
}
