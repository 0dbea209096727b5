namespace ObservabilityStack.Samples.Common.Traffic;

/// <summary>
/// The orders the generator created and has not yet delivered, with their last status, so reads, edits and status
/// changes hit real orders. Bounded: the oldest fall out, as customers stop caring about old orders. Thread-safe.
/// </summary>
internal sealed class KnownOrders
{
    private const int Limit = 500;

    /// <summary>The life of an order in the demo; each status change moves one step.</summary>
    public static readonly IReadOnlyList<string> Lifecycle = ["confirmed", "paid", "in_production", "shipped", "delivered"];

    private readonly Lock _lock = new();
    private readonly List<(string Id, int Stage)> _orders = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _orders.Count;
            }
        }
    }

    public void Add(string id)
    {
        lock (_lock)
        {
            if (_orders.Count == Limit)
            {
                _orders.RemoveAt(0);
            }

            _orders.Add((id, 0));
        }
    }

    public string? Pick(Random random)
    {
        lock (_lock)
        {
            return _orders.Count == 0 ? null : _orders[random.Next(_orders.Count)].Id;
        }
    }

    /// <summary>The order's next status and whether the order is done after it; null when the order is no longer known.</summary>
    public string? Advance(string id)
    {
        lock (_lock)
        {
            var at = _orders.FindIndex(o => o.Id == id);
            if (at < 0)
            {
                return null;
            }

            var stage = _orders[at].Stage + 1;
            if (stage >= Lifecycle.Count - 1)
            {
                _orders.RemoveAt(at);
                return Lifecycle[^1];
            }

            _orders[at] = (id, stage);
            return Lifecycle[stage];
        }
    }
}
