namespace ObservabilityStack.Emulator.Storage;

/// <summary>A document as a table range yields it: with its run and position there, which its columns are indexed by.</summary>
internal readonly record struct RunPosition(StoredDocument Doc, TimeRun? Run, int Position);
