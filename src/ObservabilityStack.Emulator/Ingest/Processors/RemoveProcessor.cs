namespace ObservabilityStack.Emulator.Ingest.Processors;

/// <summary><c>remove</c>: one or more fields; a missing one fails unless <c>ignore_missing</c>.</summary>
internal sealed class RemoveProcessor(ProcessorConfig config) : Processor
{
    private readonly List<string> _fields = config.Strings("field");
    private readonly bool _ignoreMissing = config.Flag("ignore_missing", false);

    protected override void Execute(IngestDocument doc, IngestRun run)
    {
        foreach (var field in _fields.Select(doc.Render))
        {
            if (!doc.Remove(field) && !_ignoreMissing)
            {
                throw Missing(field);
            }
        }
    }
}
