using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ingest;

/// <summary>A stored ingest pipeline: its definition as given and its processors, run in order.</summary>
internal sealed class Pipeline
{
    private Pipeline(string id, JsonObject body, List<Processor> processors, List<Processor> onFailure)
    {
        Id = id;
        Body = body;
        Processors = processors;
        OnFailure = onFailure;
    }

    public string Id { get; }

    public JsonObject Body { get; }

    public IReadOnlyList<Processor> Processors { get; }

    public IReadOnlyList<Processor> OnFailure { get; }

    public static Pipeline Parse(string id, JsonObject body)
    {
        if (body["processors"] is null)
        {
            throw new EmulatorException(400, "parse_exception", "[processors] required property is missing")
            {
                Metadata = [new("property_name", "processors")],
            };
        }

        return new Pipeline(id, (JsonObject)body.DeepClone(), ProcessorFactory.ParseList(body["processors"], "processors"),
            ProcessorFactory.ParseList(body["on_failure"], "on_failure"));
    }

    /// <summary>Runs the processors; a failure runs the pipeline's <c>on_failure</c> processors instead, or propagates.</summary>
    public void Execute(IngestDocument doc, IngestRun run)
    {
        run.Enter(Id);
        try
        {
            foreach (var processor in Processors)
            {
                processor.Run(doc, run);
            }
        }
        catch (EmulatorException e) when (OnFailure.Count > 0)
        {
            doc.FailureMetadata["on_failure_message"] = e.Message;
            doc.FailureMetadata["on_failure_pipeline"] = Id;
            foreach (var processor in OnFailure)
            {
                processor.Run(doc, run);
            }
        }
        finally
        {
            run.Trace.Remove(Id);
        }
    }
}
