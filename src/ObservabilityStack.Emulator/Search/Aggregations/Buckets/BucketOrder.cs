using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>A bucket <c>order</c>: <c>_count</c>, <c>_key</c> or a sub-aggregation path, each asc/desc, with key-asc tie-break.</summary>
internal sealed class BucketOrder
{
    private readonly (string Path, bool Descending)[] _criteria;

    private BucketOrder((string, bool)[] criteria) => _criteria = criteria;

    /// <summary>True when the first criterion is the key ascending (the histogram default).</summary>
    public bool IsKeyAscending => _criteria[0] is ("_key", false);

    /// <summary>Parses <c>order</c> from <paramref name="body"/> or uses <paramref name="defaults"/>.</summary>
    public static BucketOrder Parse(JsonElement body, (string, bool)[] defaults)
    {
        if (!body.TryGetProperty("order", out var order))
        {
            return new BucketOrder(defaults);
        }

        var criteria = new List<(string, bool)>();
        foreach (var item in order.ValueKind == JsonValueKind.Array ? order.EnumerateArray().ToArray() : [order])
        {
            foreach (var property in item.EnumerateObject())
            {
                var path = property.Name == "_term" ? "_key" : property.Name;
                var direction = property.Value.GetString();
                if (direction is not ("asc" or "desc"))
                {
                    throw EmulatorException.Parsing($"Unknown order direction [{direction}]");
                }

                criteria.Add((path, direction == "desc"));
            }
        }

        if (criteria.Count == 0 || criteria[^1].Item1 != "_key")
        {
            criteria.Add(("_key", false));
        }

        return new BucketOrder([.. criteria]);
    }

    /// <summary>Compares two buckets.</summary>
    public int Compare(Bucket a, Bucket b)
    {
        foreach (var (path, descending) in _criteria)
        {
            int c;
            if (path == "_key")
            {
                c = a.Text is not null || b.Text is not null
                    ? string.CompareOrdinal(a.Text, b.Text)
                    : a.Number.CompareTo(b.Number);
            }
            else if (path == "_count")
            {
                c = a.DocCount.CompareTo(b.DocCount);
            }
            else
            {
                c = a.Subs.OrderValue(path, a.DocCount).CompareTo(b.Subs.OrderValue(path, b.DocCount));
            }

            if (c != 0)
            {
                return descending ? -c : c;
            }
        }

        return 0;
    }

    /// <summary>Checks that sub-aggregation paths exist (so bad orders fail even with no buckets).</summary>
    public void Validate(Aggregator[] subAggregations, string name)
    {
        foreach (var (path, _) in _criteria)
        {
            if (path is "_key" or "_count")
            {
                continue;
            }

            var first = path.Split('>', '.', '[')[0];
            if (!subAggregations.Any(s => s.Name == first))
            {
                throw new EmulatorException(400, "aggregation_execution_exception",
                    $"Invalid aggregator order path [{path}]. The provided aggregation [{first}] either does not exist, or is a pipeline aggregation and cannot be used to sort the buckets.");
            }
        }

        _ = name;
    }
}
