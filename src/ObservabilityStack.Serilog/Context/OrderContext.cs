namespace ObservabilityStack.Serilog.Context;

/// <summary>
/// Puts an order id on every event logged inside a scope: <c>using (OrderContext.Begin(orderId)) { ... }</c>.
/// Flows with the async context (an <see cref="AsyncLocal{T}"/>), so awaited calls keep it.
/// </summary>
public static class OrderContext
{
    private static readonly AsyncLocal<string?> Value = new();

    /// <summary>The order id of the current scope, or null.</summary>
    public static string? Current => Value.Value;

    /// <summary>Starts a scope; disposing it restores the previous order id (scopes nest).</summary>
    public static IDisposable Begin(string orderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var previous = Value.Value;
        Value.Value = orderId;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => Value.Value = previous;
    }
}
