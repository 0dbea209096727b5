namespace ObservabilityStack.Emulator.Ingest.Processors;

/// <summary><c>fail</c>: stops the pipeline with a (templated) message.</summary>
internal sealed class FailProcessor(ProcessorConfig config) : Processor
{
    private readonly string _message = config.Required("message");

    protected override void Execute(IngestDocument doc, IngestRun run) =>
        throw new EmulatorException(500, "fail_processor_exception", doc.Render(_message));
}
