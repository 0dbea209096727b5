using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Mapping;

/// <summary>
/// The mapping of one index: the root object's properties plus root parameters (dynamic, date_detection,
/// dynamic_templates, _meta...). Mutated only under the owning index's write lock; readers use
/// <see cref="Snapshot"/>, rebuilt after each change.
/// </summary>
internal sealed class IndexMappings
{
    private FieldMappingsView? _view;

    public FieldMapping Root { get; } = FieldMapping.Object();

    /// <summary>Incremented on every change so views can be rebuilt lazily.</summary>
    public int Version { get; private set; }

    public string Dynamic => Root.Dynamic ?? "true";

    public bool DateDetection => Root.Parameters["date_detection"]?.ToString() != "false";

    public bool NumericDetection => Root.Parameters["numeric_detection"]?.ToString() == "true";

    public string[] DynamicDateFormats => Root.Parameters["dynamic_date_formats"] is JsonArray formats
        ? formats.Select(f => f!.ToString()).ToArray()
        : DateFormats.DynamicDefault;

    public JsonArray? DynamicTemplates => Root.Parameters["dynamic_templates"] as JsonArray;

    /// <summary>The flattened view search uses; rebuilt on demand after a change.</summary>
    public FieldMappingsView Snapshot
    {
        get
        {
            var view = _view;
            if (view is null || view.Version != Version)
            {
                view = new FieldMappingsView(Root, Version);
                _view = view;
            }

            return view;
        }
    }

    public void Touch() => Version++;

    /// <summary>Merges a mapping body (<c>{"properties":{...}, "dynamic":...}</c>) into this mapping.</summary>
    public void Merge(JsonObject? body, bool allowTypeChange = false)
    {
        if (body is null)
        {
            return;
        }

        foreach (var (key, value) in body)
        {
            if (key == "properties")
            {
                if (value is not JsonObject props)
                {
                    throw new EmulatorException(400, "mapper_parsing_exception", "Expected map for property [properties]");
                }

                Root.Properties = MappingMerger.MergeMaps(Root.Properties, FieldMapping.ParseProperties("", props), "", allowTypeChange);
            }
            else if (key == "_source" && Root.Parameters["_source"]?["mode"]?.ToString() is { } mode
                     && value?["mode"]?.ToString() is { } newMode && mode == "synthetic" && newMode != mode && !allowTypeChange)
            {
                throw EmulatorException.IllegalArgument($"Mapper for [_source] conflicts with existing mapper:\n\tCannot update parameter [mode] from [{mode}] to [{newMode}]");
            }
            else if (key is "dynamic" or "date_detection" or "numeric_detection" or "dynamic_date_formats" or "dynamic_templates"
                     or "_meta" or "_source" or "_routing" or "runtime" or "subobjects" or "enabled" or "_data_stream_timestamp")
            {
                Root.Parameters[key] = value?.DeepClone();
            }
            else if (key is "type" or "_doc")
            {
                throw EmulatorException.IllegalArgument("Types cannot be provided in put mapping requests");
            }
            else
            {
                throw new EmulatorException(400, "mapper_parsing_exception",
                    $"Root mapping definition has unsupported parameters:  [{key} : {value?.ToJsonString()}]");
            }
        }

        Touch();
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, value) in Root.Parameters)
        {
            json[key] = value?.DeepClone();
        }

        if (Root.Properties is { Count: > 0 })
        {
            json["properties"] = FieldMapping.SortedJson(Root.Properties);
        }

        return json;
    }
}
