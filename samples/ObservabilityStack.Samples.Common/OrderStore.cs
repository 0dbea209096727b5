using System.Collections.Concurrent;

namespace ObservabilityStack.Samples.Common;

/// <summary>The in-memory order table of one sample service. Thread-safe.</summary>
public sealed class OrderStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    /// <summary>Creates the store with the system clock.</summary>
    public OrderStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Adds or replaces an order with status <paramref name="status"/>.</summary>
    public Order Save(string id, string userId, IReadOnlyList<OrderLine> lines, decimal total, string status)
    {
        var now = clock.GetUtcNow();
        return _orders.AddOrUpdate(id, _ => new Order(id, userId, lines, total, status, now, now),
            (_, existing) => existing with { Lines = lines, Total = total, Status = status, UpdatedAt = now });
    }

    /// <summary>The order, or null.</summary>
    public Order? Find(string id) => _orders.GetValueOrDefault(id);

    /// <summary>Changes the status; returns the old and new order, or null when unknown.</summary>
    public (Order Before, Order After)? ChangeStatus(string id, string status)
    {
        if (!_orders.TryGetValue(id, out var before))
        {
            return null;
        }

        var after = before with { Status = status, UpdatedAt = clock.GetUtcNow() };
        _orders[id] = after;
        return (before, after);
    }
}
