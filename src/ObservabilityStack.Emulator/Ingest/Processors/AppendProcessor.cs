using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ingest.Processors;

/// <summary><c>append</c>: adds values to a field, turning a scalar into a list; <c>allow_duplicates</c>.</summary>
internal sealed class AppendProcessor(ProcessorConfig config) : Processor
{
    private readonly string _field = config.Required("field");
    private readonly JsonNode _value = config.Node("value")?.DeepClone() ?? throw config.Error("value", "required property is missing");
    private readonly bool _allowDuplicates = config.Flag("allow_duplicates", true);

    protected override void Execute(IngestDocument doc, IngestRun run)
    {
        var list = doc.Get(_field) switch
        {
            null => new JsonArray(),
            JsonArray existing => (JsonArray)existing.DeepClone(),
            var scalar => new JsonArray(scalar.DeepClone()),
        };
        var values = _value is JsonArray many ? many.ToList() : [_value];
        foreach (var value in values)
        {
            var item = value is JsonValue v && v.TryGetValue<string>(out var s) ? JsonValue.Create(doc.Render(s)) : value?.DeepClone();
            if (_allowDuplicates || !list.Any(existing => JsonNode.DeepEquals(existing, item)))
            {
                list.Add(item);
            }
        }

        doc.Set(_field, list);
    }
}
