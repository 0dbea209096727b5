using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Ingest;

/// <summary>
/// Runs the pipelines a write goes through, like Elasticsearch: the request's <c>pipeline</c> (or else the index's
/// <c>index.default_pipeline</c>; <c>_none</c> means none), then <c>index.final_pipeline</c>. Writes with no
/// pipeline keep their bytes untouched. Changing <c>_index</c> (rerouting) is not supported.
/// </summary>
internal sealed class IngestService(PipelineStore store, TimeProvider clock)
{
    public PipelineStore Store { get; } = store;

    /// <summary>The source after the pipelines, or <paramref name="source"/> itself when none applies.</summary>
    public ReadOnlySpan<byte> Process(EsIndex target, string? requested, string? id, ReadOnlySpan<byte> source)
    {
        var first = requested ?? Setting(target, "index.default_pipeline");
        var final = Setting(target, "index.final_pipeline");
        if (first is null or "_none" && final is null)
        {
            return source;
        }

        var doc = new IngestDocument(EsRequest.ParseJson(source) as JsonObject
            ?? throw EmulatorException.Parsing("document must be a JSON object"), target.DataStream ?? target.Name, id, clock.GetUtcNow());
        foreach (var pipelineId in new[] { first, final })
        {
            if (pipelineId is null or "_none")
            {
                continue;
            }

            var pipeline = Store.Find(pipelineId) ?? throw EmulatorException.IllegalArgument($"pipeline with id [{pipelineId}] does not exist");
            pipeline.Execute(doc, new IngestRun(Store));
        }

        return System.Text.Encoding.UTF8.GetBytes(doc.Source.ToJsonString());
    }

    private static string? Setting(EsIndex index, string key) => index.Settings[key] is { Length: > 0 } value ? value : null;
}
