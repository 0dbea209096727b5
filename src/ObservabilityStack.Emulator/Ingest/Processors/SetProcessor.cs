using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ingest.Processors;

/// <summary><c>set</c>: a value (strings rendered as templates) or a copy of another field; <c>override</c>, <c>ignore_empty_value</c>.</summary>
internal sealed class SetProcessor(ProcessorConfig config) : Processor
{
    private readonly string _field = config.Required("field");
    private readonly JsonNode? _value = config.Node("value")?.DeepClone();
    private readonly string? _copyFrom = config.Optional("copy_from");
    private readonly bool _override = config.Flag("override", true);
    private readonly bool _ignoreEmpty = config.Flag("ignore_empty_value", false);

    public static SetProcessor Create(ProcessorConfig config)
    {
        var processor = new SetProcessor(config);
        if (processor._value is null && processor._copyFrom is null)
        {
            throw config.Error("value", "required property is missing");
        }

        return processor;
    }

    protected override void Execute(IngestDocument doc, IngestRun run)
    {
        var field = doc.Render(_field);
        if (!_override && doc.Get(field) is not null)
        {
            return;
        }

        var value = _copyFrom is not null
            ? doc.Get(_copyFrom)?.DeepClone()
            : _value is JsonValue v && v.TryGetValue<string>(out var text) ? JsonValue.Create(doc.Render(text)) : _value?.DeepClone();
        if (_ignoreEmpty && (value is null || value is JsonValue s && s.TryGetValue<string>(out var str) && str.Length == 0))
        {
            return;
        }

        doc.Set(field, value);
    }
}
