namespace ObservabilityStack.Emulator.Storage;

internal sealed partial class Cluster
{
    /// <summary>
    /// Resolves an index expression (names, aliases, data streams, wildcards, commas, <c>-exclusions</c>,
    /// <c>_all</c>) to concrete indices, failing with index_not_found_exception like Elasticsearch.
    /// </summary>
    public List<EsIndex> Resolve(string? expression, IndicesOptions options)
    {
        var result = new List<EsIndex>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(expression) || expression is "_all" or "*")
        {
            expression = "*";
        }

        var parts = expression.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var p = 0; p < parts.Length; p++)
        {
            var part = DateMathNames.Resolve(parts[p], Clock.GetUtcNow());
            if (part.StartsWith('-') && p > 0)
            {
                var excluded = part[1..];
                result.RemoveAll(i => Wildcard.Matches(excluded, i.Name) || i.DataStream is { } ds && Wildcard.Matches(excluded, ds)
                    || i.Aliases.Keys.Any(a => Wildcard.Matches(excluded, a)));
                continue;
            }

            if (part is "_all")
            {
                part = "*";
            }

            var matched = part.Contains('*', StringComparison.Ordinal) ? ExpandWildcard(part, options) : Exact(part);
            if (matched is null)
            {
                if (!options.IgnoreUnavailable)
                {
                    throw EmulatorException.IndexNotFound(part);
                }

                continue;
            }

            foreach (var index in matched)
            {
                if (seen.Add(index.Name))
                {
                    result.Add(index);
                }
            }
        }

        if (result.Count == 0 && !options.AllowNoIndices)
        {
            throw EmulatorException.IndexNotFound(expression);
        }

        return result;
    }

    private List<EsIndex>? Exact(string name)
    {
        if (_indices.TryGetValue(name, out var index))
        {
            return [index];
        }

        if (_dataStreams.TryGetValue(name, out var stream))
        {
            return BackingIndices(stream);
        }

        var aliased = _indices.Values.Where(i => i.Aliases.ContainsKey(name)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        return aliased.Count > 0 ? aliased : null;
    }

    private List<EsIndex> ExpandWildcard(string pattern, IndicesOptions options)
    {
        var matched = new List<EsIndex>();
        if (!options.ExpandOpen && !options.ExpandHidden)
        {
            return matched;
        }

        var includeHidden = options.ExpandHidden || pattern.StartsWith('.');
        foreach (var index in AllIndices)
        {
            var nameMatches = Wildcard.Matches(pattern, index.Name) && (includeHidden || !index.Hidden);
            var aliasMatches = index.Aliases.Keys.Any(a => Wildcard.Matches(pattern, a));
            if (nameMatches || aliasMatches)
            {
                matched.Add(index);
            }
        }

        foreach (var stream in AllDataStreams)
        {
            if (Wildcard.Matches(pattern, stream.Name) && (!stream.Hidden || includeHidden))
            {
                matched.AddRange(BackingIndices(stream));
            }
        }

        return matched;
    }

    private List<EsIndex> BackingIndices(DataStream stream)
    {
        lock (MetadataLock)
        {
            return stream.Indices.Select(n => _indices.GetValueOrDefault(n)).OfType<EsIndex>().ToList();
        }
    }

    /// <summary>Data streams named by an expression (names and wildcards), for data-stream-aware APIs.</summary>
    public List<DataStream> ResolveDataStreams(string? expression, bool includeHidden = true)
    {
        if (string.IsNullOrEmpty(expression) || expression is "_all")
        {
            expression = "*";
        }

        var result = new List<DataStream>();
        foreach (var part in expression.Split(','))
        {
            if (part.StartsWith('-') && result.Count > 0)
            {
                result.RemoveAll(d => Wildcard.Matches(part[1..], d.Name));
            }
            else if (part.Contains('*', StringComparison.Ordinal))
            {
                result.AddRange(AllDataStreams.Where(d => Wildcard.Matches(part, d.Name) && (includeHidden || !d.Hidden)));
            }
            else if (_dataStreams.TryGetValue(part, out var stream))
            {
                result.Add(stream);
            }
            else
            {
                throw EmulatorException.IndexNotFound(part);
            }
        }

        return result.Distinct().ToList();
    }
}
