namespace ObservabilityStack.Emulator.Security;

/// <summary>How a route's action is authorized.</summary>
internal enum AccessKind
{
    /// <summary>A cluster privilege must grant the action.</summary>
    Cluster,

    /// <summary>Every index the route's target names must be granted the action.</summary>
    Index,

    /// <summary>A single-document write: the target must be granted the action (and auto_create when missing).</summary>
    Document,

    /// <summary>Bulk and msearch: some index privilege must grant the action; items are checked one by one.</summary>
    Composite,

    /// <summary>Any authenticated caller (e.g. <c>_security/_authenticate</c>); the API checks ownership itself.</summary>
    Authenticated,
}
