namespace ObservabilityStack.Emulator.Apis;

/// <summary>One parsed bulk action/metadata line.</summary>
internal sealed class BulkAction
{
    public required string Action { get; init; }

    public string? Index { get; set; }

    public string? Id { get; set; }

    public string? OpType { get; set; }

    public long? IfSeqNo { get; set; }

    public long? IfPrimaryTerm { get; set; }

    public bool? RequireAlias { get; set; }

    /// <summary>The item's ingest pipeline (<c>pipeline</c>), overriding the request's.</summary>
    public string? Pipeline { get; set; }

    public bool NeedsSource => Action != "delete";
}
