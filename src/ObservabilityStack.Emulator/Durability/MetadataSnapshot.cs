using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Durability;

/// <summary>Captures and restores the cluster's metadata as one JSON document.</summary>
internal static class MetadataSnapshot
{
    public static JsonObject Capture(Cluster cluster)
    {
        var indices = new JsonArray();
        var streams = new JsonArray();
        lock (cluster.MetadataLock)
        {
            foreach (var index in cluster.AllIndices)
            {
                indices.Add(new JsonObject
                {
                    ["name"] = index.Name,
                    ["uuid"] = index.Uuid,
                    ["creation"] = index.CreationMillis,
                    ["settings"] = index.Settings.ToJson(true),
                    ["mappings"] = index.WithLock(index.Mappings.ToJson),
                    ["aliases"] = Apis.IndicesApi.AliasesJson(index),
                    ["data_stream"] = index.DataStream,
                    ["phase"] = index.Lifecycle.Phase,
                    ["phase_time"] = index.Lifecycle.PhaseTimeMillis,
                    ["rollover"] = index.Lifecycle.RolloverMillis,
                });
            }

            foreach (var stream in cluster.AllDataStreams)
            {
                streams.Add(new JsonObject
                {
                    ["name"] = stream.Name,
                    ["generation"] = stream.Generation,
                    ["template"] = stream.Template,
                    ["hidden"] = stream.Hidden,
                    ["lifecycle"] = stream.Lifecycle?.DeepClone(),
                    ["meta"] = stream.Meta?.DeepClone(),
                    ["indices"] = new JsonArray([.. stream.Indices.Select(i => (JsonNode)i)]),
                    ["failure_store"] = stream.FailureStoreEnabled,
                    ["failure_indices"] = new JsonArray([.. stream.FailureIndices.Select(i => (JsonNode)i)]),
                });
            }
        }

        return new JsonObject
        {
            ["component_templates"] = new JsonArray([.. cluster.Templates.ComponentTemplates(null).Where(t => !t.BuiltIn)
                .Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["body"] = t.Body.DeepClone() })]),
            ["index_templates"] = new JsonArray([.. cluster.Templates.IndexTemplates(null).Where(t => !t.BuiltIn)
                .Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["body"] = t.Body.DeepClone() })]),
            ["policies"] = new JsonArray([.. cluster.Policies.All().Where(p => !p.BuiltIn).Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["policy"] = p.Policy.DeepClone(),
                ["version"] = p.Version,
                ["modified"] = p.ModifiedMillis,
            })]),
            ["indices"] = indices,
            ["data_streams"] = streams,
        };
    }

    public static void Restore(JsonObject root, Cluster cluster)
    {
        foreach (var t in root["component_templates"] as JsonArray ?? [])
        {
            cluster.Templates.PutComponentTemplate(t!["name"]!.ToString(), (JsonObject)t["body"]!.DeepClone(), false);
        }

        foreach (var t in root["index_templates"] as JsonArray ?? [])
        {
            cluster.Templates.PutIndexTemplate(t!["name"]!.ToString(), (JsonObject)t["body"]!.DeepClone(), false);
        }

        foreach (var p in root["policies"] as JsonArray ?? [])
        {
            cluster.Policies.Restore(p!["name"]!.ToString(), (JsonObject)p["policy"]!.DeepClone(),
                p["version"]!.GetValue<long>(), p["modified"]!.GetValue<long>());
        }

        foreach (var i in root["indices"] as JsonArray ?? [])
        {
            var index = new EsIndex(i!["name"]!.ToString(), i["creation"]!.GetValue<long>(), i["uuid"]!.ToString())
            {
                DataStream = i["data_stream"]?.ToString(),
            };
            index.Settings.Apply(IndexSettings.Flatten(i["settings"]));
            index.Mappings.Merge((JsonObject)i["mappings"]!.DeepClone(), allowTypeChange: true);
            foreach (var (alias, definition) in i["aliases"] as JsonObject ?? [])
            {
                index.Aliases[alias] = (JsonObject)definition!.DeepClone();
            }

            index.Lifecycle.Phase = i["phase"]?.ToString() ?? "new";
            index.Lifecycle.PhaseTimeMillis = i["phase_time"]?.GetValue<long>();
            index.Lifecycle.RolloverMillis = i["rollover"]?.GetValue<long>();
            cluster.AttachRestored(index);
        }

        foreach (var s in root["data_streams"] as JsonArray ?? [])
        {
            var stream = new DataStream
            {
                Name = s!["name"]!.ToString(),
                Generation = s["generation"]!.GetValue<int>(),
                Template = s["template"]?.ToString(),
                Hidden = s["hidden"]?.GetValue<bool>() == true,
                Lifecycle = s["lifecycle"]?.DeepClone() as JsonObject,
                Meta = s["meta"]?.DeepClone() as JsonObject,
                FailureStoreEnabled = s["failure_store"]?.GetValue<bool>() == true,
            };
            stream.FailureIndices.AddRange((s["failure_indices"] as JsonArray ?? []).Select(n => n!.ToString()));
            stream.Indices.AddRange((s["indices"] as JsonArray ?? []).Select(n => n!.ToString()));
            cluster.AttachRestored(stream);
        }
    }
}
