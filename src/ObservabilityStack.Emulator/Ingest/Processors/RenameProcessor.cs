namespace ObservabilityStack.Emulator.Ingest.Processors;

/// <summary><c>rename</c>: moves a field; the target must not exist unless <c>override</c>.</summary>
internal sealed class RenameProcessor(ProcessorConfig config) : Processor
{
    private readonly string _field = config.Required("field");
    private readonly string _target = config.Required("target_field");
    private readonly bool _ignoreMissing = config.Flag("ignore_missing", false);
    private readonly bool _override = config.Flag("override", false);

    protected override void Execute(IngestDocument doc, IngestRun run)
    {
        var field = doc.Render(_field);
        var target = doc.Render(_target);
        if (!TryGet(doc, field, _ignoreMissing, out var value))
        {
            return;
        }

        if (!_override && doc.Get(target) is not null)
        {
            throw EmulatorException.IllegalArgument($"field [{target}] already exists");
        }

        doc.Remove(field);
        doc.Set(target, value.DeepClone());
    }
}
