namespace ObservabilityStack.Agent.Reading;

/// <summary>Expands the configured paths and globs (a glob in the file-name part, e.g. <c>/var/log/app/*.log</c>).</summary>
internal static class FileSet
{
    public static IEnumerable<string> Expand(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            var name = Path.GetFileName(pattern);
            var directory = Path.GetDirectoryName(pattern)!;
            if (name.IndexOfAny(['*', '?']) < 0)
            {
                if (File.Exists(pattern))
                {
                    yield return pattern;
                }

                continue;
            }

            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, name).Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }

    /// <summary>
    /// Files next to <paramref name="path"/> whose names start with its name (<c>app.log.1</c>, <c>app.log-20261121</c>):
    /// where a file that was being read went when it was rotated while the agent was stopped.
    /// </summary>
    public static IEnumerable<string> RotatedSiblings(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        var name = Path.GetFileName(path);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, name + "*").Where(f => f != path && !f.EndsWith(".gz", StringComparison.Ordinal))
            : [];
    }
}
