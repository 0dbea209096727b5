namespace ObservabilityStack.Emulator.Http;

/// <summary>
/// Matches Elasticsearch paths. Literal segments beat parameters position by position, so
/// <c>/_cluster/health</c> wins over <c>/{index}/{id}</c>; a path known under other methods is a 405.
/// </summary>
internal sealed class EsRouter
{
    private readonly List<Route> _routes = [];
    private readonly Lock _freeze = new();

    // Routes by specificity, built once after the last Map. Requests read this array only: sorting the list in
    // place while concurrent first requests enumerated it answered 500 "Collection was modified".
    private Route[]? _sorted;

    public void Map(string methods, string template, EsHandler handler)
    {
        var segments = template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var method in methods.Split(','))
        {
            _routes.Add(new Route(method, "/" + string.Join('/', segments), segments, handler));
        }

        Volatile.Write(ref _sorted, null);
    }

    /// <summary>Every mapped method and template (for start-up checks such as security's action table).</summary>
    public IEnumerable<(string Method, string Template)> Routes => _routes.Select(r => (r.Method, r.Template));

    public RouteMatch Match(string method, string path)
    {
        var routes = Volatile.Read(ref _sorted) ?? Freeze();
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        List<string>? allowed = null;
        var lookup = method == "HEAD" ? "HEAD" : method;
        foreach (var route in routes)
        {
            if (!route.Matches(segments))
            {
                continue;
            }

            if (route.Method == lookup)
            {
                return new RouteMatch(route.Handler, route.Bind(segments), null, route.Template);
            }

            allowed ??= [];
            allowed.Add(route.Method);
        }

        return new RouteMatch(null, null, allowed);
    }

    private Route[] Freeze()
    {
        lock (_freeze)
        {
            if (Volatile.Read(ref _sorted) is { } done)
            {
                return done;
            }

            var sorted = _routes.ToList();
            sorted.Sort(static (a, b) => b.Specificity.CompareTo(a.Specificity));
            var array = sorted.ToArray();
            Volatile.Write(ref _sorted, array);
            return array;
        }
    }

    private sealed class Route(string method, string template, string[] segments, EsHandler handler)
    {
        public string Method { get; } = method;

        public string Template { get; } = template;

        public EsHandler Handler { get; } = handler;

        public long Specificity { get; } = Score(segments);

        public bool Matches(string[] path)
        {
            if (path.Length != segments.Length)
            {
                return false;
            }

            for (var i = 0; i < path.Length; i++)
            {
                var s = segments[i];
                if (s[0] != '{' && !string.Equals(s, path[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public Dictionary<string, string> Bind(string[] path)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < path.Length; i++)
            {
                if (segments[i][0] == '{')
                {
                    values[segments[i][1..^1]] = Uri.UnescapeDataString(path[i]);
                }
            }

            return values;
        }

        private static long Score(string[] segments)
        {
            long score = 0;
            for (var i = 0; i < segments.Length; i++)
            {
                score = (score << 1) | (segments[i][0] == '{' ? 0L : 1L);
            }

            return score;
        }
    }
}
