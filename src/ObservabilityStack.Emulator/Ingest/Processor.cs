using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ingest;

/// <summary>
/// One configured processor. <see cref="Run"/> applies it with Elasticsearch's failure rules: <c>ignore_failure</c>
/// swallows the error, <c>on_failure</c> processors run instead of failing (with <c>_ingest.on_failure_*</c> set).
/// </summary>
internal abstract class Processor
{
    public string Type { get; set; } = string.Empty;

    public string? Tag { get; set; }

    public bool IgnoreFailure { get; set; }

    public IReadOnlyList<Processor> OnFailure { get; set; } = [];

    public void Run(IngestDocument doc, IngestRun run)
    {
        try
        {
            Execute(doc, run);
        }
        catch (EmulatorException e) when (IgnoreFailure || OnFailure.Count > 0)
        {
            if (IgnoreFailure)
            {
                return;
            }

            doc.FailureMetadata["on_failure_message"] = e.Message;
            doc.FailureMetadata["on_failure_processor_type"] = Type;
            doc.FailureMetadata["on_failure_processor_tag"] = Tag;
            foreach (var handler in OnFailure)
            {
                handler.Run(doc, run);
            }
        }
    }

    protected abstract void Execute(IngestDocument doc, IngestRun run);

    /// <summary>The field's value; false when it is missing and <paramref name="ignoreMissing"/> (otherwise a missing field throws).</summary>
    protected static bool TryGet(IngestDocument doc, string field, bool ignoreMissing, out JsonNode value)
    {
        value = doc.Get(field)!;
        return value is not null || (ignoreMissing ? false : throw Missing(field));
    }

    protected static EmulatorException Missing(string field) =>
        EmulatorException.IllegalArgument($"field [{field}] not present as part of path [{field}]");

    protected static string? StringValue(JsonNode? node, string field) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw EmulatorException.IllegalArgument($"field [{field}] of type [{node.GetValueKind().ToString().ToLowerInvariant()}] cannot be cast to [string]"),
    };
}
