using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ObservabilityStack.Emulator.Ingest.Processors;

/// <summary>
/// The string processors that map one value to another: <c>lowercase</c>, <c>uppercase</c>, <c>trim</c> and
/// <c>gsub</c>; with <c>target_field</c> and <c>ignore_missing</c>, applied to each element of a list.
/// </summary>
internal sealed class StringProcessor(ProcessorConfig config, Func<string, string> map) : Processor
{
    private readonly string _field = config.Required("field");
    private readonly string? _target = config.Optional("target_field");
    private readonly bool _ignoreMissing = config.Flag("ignore_missing", false);

    public static StringProcessor Lowercase(ProcessorConfig c) => new(c, s => s.ToLowerInvariant());

    public static StringProcessor Uppercase(ProcessorConfig c) => new(c, s => s.ToUpperInvariant());

    public static StringProcessor Trim(ProcessorConfig c) => new(c, s => s.Trim());

    public static StringProcessor Gsub(ProcessorConfig c)
    {
        Regex pattern;
        try
        {
            pattern = new Regex(c.Required("pattern"), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw c.Error("pattern", $"Invalid regex pattern. {e.Message}");
        }

        var replacement = c.Required("replacement");
        return new StringProcessor(c, s => pattern.Replace(s, replacement));
    }

    protected override void Execute(IngestDocument doc, IngestRun run)
    {
        if (!TryGet(doc, _field, _ignoreMissing, out var value))
        {
            return;
        }

        JsonNode mapped = value is JsonArray list
            ? new JsonArray(list.Select(item => (JsonNode?)JsonValue.Create(map(StringValue(item, _field) ?? string.Empty))).ToArray())
            : JsonValue.Create(map(StringValue(value, _field)!));
        doc.Set(_target ?? _field, mapped);
    }
}
