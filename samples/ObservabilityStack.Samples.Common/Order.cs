namespace ObservabilityStack.Samples.Common;

/// <summary>An order as the samples keep it (in memory; the demo has no database).</summary>
public sealed record Order(string Id, string UserId, IReadOnlyList<OrderLine> Lines, decimal Total, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
