using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Templates;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// The data stream failure store: documents a data stream rejects (mapping or ingest errors) are kept in hidden
/// <c>.fs-{name}-{date}-{generation}</c> indices when the stream's template enables it.
/// </summary>
internal sealed partial class Cluster
{
    private static readonly string FailureMappings = """
        {"dynamic":false,"properties":{
          "@timestamp":{"type":"date"},
          "document":{"properties":{"id":{"type":"keyword"},"routing":{"type":"keyword"},"index":{"type":"keyword"},"source":{"type":"flattened"}}},
          "error":{"properties":{"type":{"type":"keyword"},"message":{"type":"match_only_text"},"stack_trace":{"type":"text"},
            "pipeline":{"type":"keyword"},"pipeline_trace":{"type":"keyword"},"processor_type":{"type":"keyword"},"processor_tag":{"type":"keyword"}}}}}
        """;

    /// <summary>True when a template turns the failure store on (<c>data_stream.failure_store</c> or <c>data_stream_options</c>).</summary>
    private static bool FailureStoreRequested(ResolvedTemplate template) =>
        template.Source?.DataStream?["failure_store"]?.GetValueKind() == System.Text.Json.JsonValueKind.True
        || template.Source?.Template?["data_stream_options"]?["failure_store"]?["enabled"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    /// <summary>The stream's current failure index, created (taking the next generation) on first use.</summary>
    public EsIndex FailureIndexFor(DataStream stream)
    {
        lock (MetadataLock)
        {
            if (stream.FailureIndices.Count > 0 && _indices.TryGetValue(stream.FailureIndices[^1], out var current))
            {
                return current;
            }

            stream.Generation++;
            var name = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $".fs-{stream.Name}-{Clock.GetUtcNow():yyyy.MM.dd}-{stream.Generation:000000}");
            var index = new EsIndex(name, NowMillis) { DataStream = stream.Name };
            index.Settings.Apply(new Dictionary<string, string?>
            {
                ["index.hidden"] = "true",
                ["index.number_of_shards"] = "1",
                ["index.number_of_replicas"] = "0",
            });
            index.Mappings.Merge((JsonObject)JsonNode.Parse(FailureMappings)!, allowTypeChange: true);
            index.Log = LogFactory?.Invoke(index);
            _indices[name] = index;
            stream.FailureIndices.Add(name);
        }

        MetadataChanged?.Invoke();
        return _indices[stream.FailureIndices[^1]];
    }
}
