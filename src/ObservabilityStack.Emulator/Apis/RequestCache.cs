using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>
/// Elasticsearch's shard request cache, for <c>size: 0</c> searches (dashboards, aggregations): answers are kept
/// per request text and per refreshed document tables, so any refresh that changes an index invalidates them.
/// Requests using <c>now</c> are not cached, as in Elasticsearch. Hits and misses are counted per index.
/// </summary>
internal sealed class RequestCache
{
    private const int Capacity = 256;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, (DocumentTable[] Tables, byte[] Answer)> _entries = new(StringComparer.Ordinal);

    public static bool Applies(string body, IReadOnlyDictionary<string, string> query)
    {
        if (query.TryGetValue("request_cache", out var flag))
        {
            return flag is "true" or "" && !body.Contains("now", StringComparison.Ordinal);
        }

        var sizeZero = query.TryGetValue("size", out var size) ? size == "0" : body.Replace(" ", "", StringComparison.Ordinal).Contains("\"size\":0", StringComparison.Ordinal);
        return sizeZero && !body.Contains("now", StringComparison.Ordinal);
    }

    public static string Key(IReadOnlyList<EsIndex> indices, string body, IReadOnlyDictionary<string, string> query) =>
        string.Join(",", indices.Select(i => i.Uuid)) + "?" + string.Join("&", query.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Key + "=" + q.Value)) + "\n" + body;

    public byte[]? TryGet(string key, IReadOnlyList<EsIndex> indices, DocumentTable[] tables)
    {
        byte[]? answer = null;
        lock (_sync)
        {
            if (_entries.TryGetValue(key, out var entry) && Same(entry.Tables, tables))
            {
                answer = entry.Answer;
            }
        }

        foreach (var index in indices)
        {
            Interlocked.Increment(ref answer is null ? ref index.RequestCacheMisses : ref index.RequestCacheHits);
        }

        return answer;
    }

    public void Put(string key, DocumentTable[] tables, byte[] answer)
    {
        lock (_sync)
        {
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            _entries[key] = (tables, answer);
        }
    }

    private static bool Same(DocumentTable[] a, DocumentTable[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
