namespace ObservabilityStack.Emulator.Storage;

/// <summary>Positions [<see cref="Start"/>, <see cref="End"/>) of one run that come next, together, in index order.</summary>
internal readonly record struct RunStretch(TimeRun Run, int Start, int End);
