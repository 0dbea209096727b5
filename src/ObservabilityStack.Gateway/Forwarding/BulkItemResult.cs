namespace ObservabilityStack.Gateway.Forwarding;

/// <summary>One item of a bulk answer: its status and, for failures, Elasticsearch's error type and reason.</summary>
internal readonly record struct BulkItemResult(int Status, string? ErrorType, string? Reason);
