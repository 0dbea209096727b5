using ObservabilityStack.Cli.Core;

namespace ObservabilityStack.Cli.Features;

/// <summary>
/// Finds the folder holding <c>elk/</c>, <c>kibana-dashboards/</c> and <c>config/services.yaml</c>:
/// <c>OBS_ASSETS_DIR</c>, else the checkout around the working directory, else the copy that the
/// build places next to <c>obs.dll</c> (which is what the container uses).
/// </summary>
internal static class AssetLocator
{
    private const string Marker = "elk/elasticsearch";

    /// <summary>The assets root; throws a <see cref="CliException"/> saying how to fix it when none is found.</summary>
    public static string FindRoot(CliEnvironment environment)
    {
        if (environment.Variable("OBS_ASSETS_DIR") is { } configured)
        {
            var full = environment.ResolvePath(configured);
            return Directory.Exists(Path.Combine(full, Marker))
                ? full
                : throw new CliException($"OBS_ASSETS_DIR={full} has no {Marker} folder. Point it at the folder that holds elk/.", ExitCodes.Usage);
        }

        return RepositoryLocator.FindAbove(Marker, environment.WorkingDirectory, AppContext.BaseDirectory)
            ?? throw new CliException($"Cannot find the {Marker} folder. Run obs from the repository or set OBS_ASSETS_DIR.", ExitCodes.Failure);
    }
}
