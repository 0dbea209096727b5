using ObservabilityStack.Elasticsearch.Provisioning;

namespace ObservabilityStack.Gateway.Provisioning;

/// <summary>Finds the <c>elk/</c> folder the provisioning assets are read from.</summary>
internal static class AssetsLocator
{
    /// <summary>
    /// <paramref name="configured"/> (a folder holding <c>elk/</c>), else <c>OBS_ASSETS_DIR</c>, else the first folder with
    /// <c>elk/elasticsearch</c> walking up from the program's folder and then from the working folder.
    /// </summary>
    public static string ElkDirectory(string? configured)
    {
        var root = configured ?? Environment.GetEnvironmentVariable("OBS_ASSETS_DIR")
            ?? WalkUp(AppContext.BaseDirectory) ?? WalkUp(Directory.GetCurrentDirectory());
        return root is not null
            ? Path.Combine(root, "elk")
            : throw new ProvisioningException(ProvisioningFailureKind.InvalidAssets,
                "No elk/ folder found for provisioning first-seen services. Set Gateway:Provisioning:AssetsDirectory (or OBS_ASSETS_DIR) " +
                "to the folder holding elk/, or set Gateway:Provisioning:Mode to Refuse or Off.");
    }

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "elk", "elasticsearch")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
