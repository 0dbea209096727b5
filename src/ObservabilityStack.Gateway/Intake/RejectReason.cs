namespace ObservabilityStack.Gateway.Intake;

/// <summary>A rejection: a low-cardinality metric label and the human-readable reason.</summary>
internal readonly record struct RejectReason(string Kind, string Message)
{
    public static RejectReason Malformed(string message) => new("malformed_json", message);
}
