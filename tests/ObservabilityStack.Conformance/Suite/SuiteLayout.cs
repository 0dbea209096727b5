namespace ObservabilityStack.Conformance.Suite;

/// <summary>Finds test files, the spec folder and each file's upstream folder name.</summary>
public static class SuiteLayout
{
    /// <summary>The <c>api</c> folder (holding <c>_common.json</c>) beside the tests path or one of its ancestors.</summary>
    public static string? FindApiDirectory(string testsPath)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(testsPath)); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "api"), Path.Combine(dir.Parent?.FullName ?? dir.FullName, "api") })
            {
                if (File.Exists(Path.Combine(candidate, "_common.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Test files under <paramref name="testsPath"/> (or the file itself), in ordinal order, with their folder names.</summary>
    public static IReadOnlyList<(string File, string Folder, string Name)> FindTestFiles(string testsPath)
    {
        var full = Path.GetFullPath(testsPath);
        var files = File.Exists(full)
            ? [full]
            : Directory.EnumerateFiles(full, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
        var root = SuiteRoot(full);
        return files
            .Select(f => (f, FolderOf(root, f), Path.GetFileNameWithoutExtension(f)))
            .ToList();
    }

    /// <summary>The <c>tests</c> folder whose sibling is <c>api</c>, else the given directory.</summary>
    private static string SuiteRoot(string full)
    {
        var api = FindApiDirectory(full);
        var beside = api is null ? null : Path.Combine(Path.GetDirectoryName(api)!, "tests");
        if (beside is not null && Directory.Exists(beside) && (full + Path.DirectorySeparatorChar).StartsWith(beside + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return beside;
        }

        return File.Exists(full) ? Path.GetDirectoryName(Path.GetDirectoryName(full))! : full;
    }

    private static string FolderOf(string root, string file)
    {
        var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace('\\', '/');
        return folder == "." ? Path.GetFileName(root) : folder;
    }
}
