namespace ObservabilityStack.Cli.Features;

/// <summary>Finds the source checkout (the folder holding <c>ObservabilityStack.slnx</c>) above a directory.</summary>
internal static class RepositoryLocator
{
    /// <summary>Marker file of the repository root.</summary>
    public const string Marker = "ObservabilityStack.slnx";

    /// <summary>The first directory at or above one of <paramref name="starts"/> holding <paramref name="marker"/>, or null.</summary>
    public static string? FindAbove(string marker, params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, marker)) || Directory.Exists(Path.Combine(dir.FullName, marker)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
