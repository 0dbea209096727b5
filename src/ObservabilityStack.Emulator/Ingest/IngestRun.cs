namespace ObservabilityStack.Emulator.Ingest;

/// <summary>One document's trip through pipelines: the store (for the <c>pipeline</c> processor) and the pipelines entered, to stop cycles.</summary>
internal sealed class IngestRun(PipelineStore store)
{
    public PipelineStore Store { get; } = store;

    public List<string> Trace { get; } = [];

    public void Enter(string id)
    {
        if (Trace.Contains(id))
        {
            throw EmulatorException.IllegalArgument($"Cycle detected for pipeline: {id}");
        }

        Trace.Add(id);
    }
}
