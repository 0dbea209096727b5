namespace ObservabilityStack.Emulator.Storage;

/// <summary>The bulk/document operation, which decides what a data stream accepts.</summary>
internal enum WriteKind
{
    Index,
    Create,
    Update,
    Delete,
}
