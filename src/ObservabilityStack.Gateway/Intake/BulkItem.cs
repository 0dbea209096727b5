namespace ObservabilityStack.Gateway.Intake;

/// <summary>One action of an Elasticsearch bulk body and what became of it.</summary>
internal sealed record BulkItem(string Action, string Index, string Id, int Status, RejectReason? Error);
