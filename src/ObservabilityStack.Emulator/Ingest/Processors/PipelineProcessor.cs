namespace ObservabilityStack.Emulator.Ingest.Processors;

/// <summary><c>pipeline</c>: runs another pipeline on the document (cycles are an error).</summary>
internal sealed class PipelineProcessor(ProcessorConfig config) : Processor
{
    private readonly string _name = config.Required("name");
    private readonly bool _ignoreMissing = config.Flag("ignore_missing_pipeline", false);

    protected override void Execute(IngestDocument doc, IngestRun run)
    {
        var name = doc.Render(_name);
        var pipeline = run.Store.Find(name);
        if (pipeline is null)
        {
            if (_ignoreMissing)
            {
                return;
            }

            throw EmulatorException.IllegalArgument($"Pipeline processor configured for non-existent pipeline [{name}]");
        }

        pipeline.Execute(doc, run);
    }
}
