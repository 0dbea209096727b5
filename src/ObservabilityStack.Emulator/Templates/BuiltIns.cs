using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Ilm;

namespace ObservabilityStack.Emulator.Templates;

/// <summary>
/// What a fresh Elasticsearch has installed: the <c>logs</c> index template (pattern <c>logs-*-*</c>,
/// priority 100, data stream) with its component templates and the <c>logs</c> ILM policy. Wildcard wipes
/// leave them in place, as Elasticsearch's test cleanup does.
/// </summary>
internal static class BuiltIns
{
    private const string LogsMappings = """
        {"template":{"mappings":{"date_detection":false,"properties":{"@timestamp":{"type":"date"},
          "data_stream":{"properties":{"type":{"type":"constant_keyword","value":"logs"},
          "dataset":{"type":"constant_keyword"},"namespace":{"type":"constant_keyword"}}}}}},
         "_meta":{"description":"default mappings for the logs index template installed by x-pack","managed":true},"version":1}
        """;

    private const string LogsSettings = """
        {"template":{"settings":{"index":{"lifecycle":{"name":"logs"},"codec":"best_compression",
          "mapping":{"ignore_malformed":true,"total_fields":{"ignore_dynamic_beyond_limit":true}}}}},
         "_meta":{"description":"default settings for the logs index template installed by x-pack","managed":true},"version":1}
        """;

    private const string EcsMappings = """
        {"template":{"mappings":{"dynamic_templates":[
          {"ecs_timestamp":{"match":"@timestamp","mapping":{"type":"date","ignore_malformed":false}}},
          {"ecs_message_match_only_text":{"path_match":["message","*.message"],"unmatch_mapping_type":"object","mapping":{"type":"match_only_text"}}},
          {"ecs_ip":{"path_match":["ip","*.ip","*_ip"],"match_mapping_type":"string","mapping":{"type":"ip"}}},
          {"ecs_date":{"path_match":["*.timestamp","*_timestamp","*.not_after","*.not_before","*.accessed","created","*.created","*.installed","*.creation_date","*.ctime","*.mtime","ingested","*.ingested","*.start","*.end"],"unmatch_mapping_type":"object","mapping":{"type":"date"}}},
          {"all_strings_to_keywords":{"match_mapping_type":"string","mapping":{"ignore_above":1024,"type":"keyword"}}}]}},
         "_meta":{"description":"dynamic mappings based on ECS, installed by x-pack","managed":true},"version":1}
        """;

    private const string LogsTemplate = """
        {"index_patterns":["logs-*-*"],"composed_of":["logs@mappings","logs@settings","logs@custom","ecs@mappings"],
         "ignore_missing_component_templates":["logs@custom"],"priority":100,
         "data_stream":{"hidden":false,"allow_custom_routing":false},"allow_auto_create":true,
         "_meta":{"description":"default logs template installed by x-pack","managed":true},"version":1}
        """;

    private const string LogsPolicy = """
        {"policy":{"phases":{"hot":{"min_age":"0ms","actions":{"rollover":{"max_age":"30d","max_primary_shard_size":"50gb"}}}},
         "_meta":{"description":"default policy for the logs index template installed by x-pack","managed":true}}}
        """;

    public static void Install(TemplateStore templates, IlmPolicyStore policies)
    {
        templates.PutComponentTemplate("logs@mappings", Parse(LogsMappings), false, builtIn: true);
        templates.PutComponentTemplate("logs@settings", Parse(LogsSettings), false, builtIn: true);
        templates.PutComponentTemplate("ecs@mappings", Parse(EcsMappings), false, builtIn: true);
        templates.PutIndexTemplate("logs", Parse(LogsTemplate), false, builtIn: true);
        policies.Put("logs", Parse(LogsPolicy), 0, builtIn: true);
    }

    public static bool IsBuiltInPolicy(string name) => name is "logs";

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
