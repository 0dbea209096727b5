namespace ObservabilityStack.Conformance.Tests.Support;

/// <summary>Locates the repository (the folder holding ObservabilityStack.slnx) and the shared data beside it.</summary>
public static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ObservabilityStack.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("ObservabilityStack.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary><c>../shared/elasticsearch-rest</c> relative to the repository root.</summary>
    public static string SharedRest => Path.GetFullPath(Path.Combine(Root, "..", "shared", "elasticsearch-rest"));

    /// <summary>Where test runs write listings: <c>artifacts/conformance</c> under the repository.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Path.Combine(Root, "artifacts", "conformance");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
