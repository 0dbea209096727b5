using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// The names an index expression stands for, as authorization sees them: given names as written (date math
/// resolved), wildcards expanded to the visible indices, data streams and aliases they match, exclusions removed.
/// </summary>
internal static class TargetNames
{
    public static List<string> Expand(Cluster cluster, string? expression, bool includeHidden) =>
        ExpandParts(cluster, expression, includeHidden).Select(n => n.Name).ToList();

    /// <summary>Like <see cref="Expand"/>, and says of each name whether a wildcard found it (those can be narrowed).</summary>
    public static List<(string Name, bool FromWildcard)> ExpandParts(Cluster cluster, string? expression, bool includeHidden)
    {
        if (string.IsNullOrEmpty(expression) || expression is "_all")
        {
            expression = "*";
        }

        var result = new List<(string Name, bool FromWildcard)>();
        var parts = expression.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var p = 0; p < parts.Length; p++)
        {
            var part = DateMathNames.Resolve(parts[p], cluster.Clock.GetUtcNow());
            if (part.StartsWith('-') && p > 0)
            {
                result.RemoveAll(n => Wildcard.Matches(part[1..], n.Name));
            }
            else if (part is "_all" || part.Contains('*', StringComparison.Ordinal))
            {
                result.AddRange(Matching(cluster, part is "_all" ? "*" : part, includeHidden || part.StartsWith('.')).Select(n => (n, true)));
            }
            else
            {
                result.Add((part, false));
            }
        }

        // A name both written out and matched by a wildcard keeps its written form: it may not be narrowed away.
        return result.GroupBy(n => n.Name, StringComparer.Ordinal).Select(g => (g.Key, g.All(n => n.FromWildcard))).ToList();
    }

    public static bool HasWildcard(string? expression) =>
        string.IsNullOrEmpty(expression) || expression.Contains('*', StringComparison.Ordinal) || expression.Contains("_all", StringComparison.Ordinal);

    /// <summary>True when a write to <paramref name="name"/> would have to create it (index, data stream or alias missing).</summary>
    public static bool IsMissing(Cluster cluster, string name) =>
        cluster.FindIndex(name) is null && cluster.FindDataStream(name) is null && !cluster.IsAlias(name);

    /// <summary>The data stream a backing index belongs to, whose privileges it inherits.</summary>
    public static string? ParentDataStream(Cluster cluster, string name) => cluster.FindIndex(name)?.DataStream;

    private static List<string> Matching(Cluster cluster, string pattern, bool includeHidden)
    {
        var names = new List<string>();
        lock (cluster.MetadataLock)
        {
            foreach (var index in cluster.AllIndices)
            {
                if (Wildcard.Matches(pattern, index.Name) && (includeHidden || !index.Hidden))
                {
                    names.Add(index.Name);
                }

                names.AddRange(index.Aliases.Keys.Where(a => Wildcard.Matches(pattern, a)));
            }

            names.AddRange(cluster.AllDataStreams.Where(d => Wildcard.Matches(pattern, d.Name) && (includeHidden || !d.Hidden)).Select(d => d.Name));
        }

        return names;
    }
}
