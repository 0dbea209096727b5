namespace ObservabilityStack.Samples.Common;

/// <summary>The body that creates or edits an order, in every sample.</summary>
public sealed record OrderRequest(string? OrderId, string? UserId, IReadOnlyList<OrderLine>? Lines, decimal Total)
{
    /// <summary>A reason when the request is unusable, else null.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(UserId) ? "userId is required"
        : Lines is null || Lines.Count == 0 ? "at least one line is required"
        : Lines.Any(l => l.Quantity <= 0 || string.IsNullOrWhiteSpace(l.Sku)) ? "every line needs a sku and a positive quantity"
        : Total < 0 ? "total must not be negative"
        : null;
}
