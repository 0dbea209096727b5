using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Ingest.Processors;

namespace ObservabilityStack.Emulator.Ingest;

/// <summary>Builds processors from <c>{"type":{options}}</c> entries, with Elasticsearch's errors for unknown ones.</summary>
internal static class ProcessorFactory
{
    private static readonly Dictionary<string, Func<ProcessorConfig, Processor>> Types = new(StringComparer.Ordinal)
    {
        ["set"] = SetProcessor.Create,
        ["remove"] = c => new RemoveProcessor(c),
        ["rename"] = c => new RenameProcessor(c),
        ["lowercase"] = StringProcessor.Lowercase,
        ["uppercase"] = StringProcessor.Uppercase,
        ["trim"] = StringProcessor.Trim,
        ["gsub"] = StringProcessor.Gsub,
        ["append"] = c => new AppendProcessor(c),
        ["convert"] = c => new ConvertProcessor(c),
        ["date"] = c => new DateProcessor(c),
        ["fail"] = c => new FailProcessor(c),
        ["pipeline"] = c => new PipelineProcessor(c),
    };

    public static List<Processor> ParseList(JsonNode? node, string property)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray list)
        {
            throw new EmulatorException(400, "parse_exception", $"[{property}] property isn't a list, but of type [{node.GetValueKind().ToString().ToLowerInvariant()}]");
        }

        return list.Select(entry => Parse(entry as JsonObject
            ?? throw new EmulatorException(400, "parse_exception", $"[{property}] entries must be objects"))).ToList();
    }

    private static Processor Parse(JsonObject entry)
    {
        if (entry.Count != 1)
        {
            throw new EmulatorException(400, "parse_exception", "processor definitions must have exactly one processor type");
        }

        var (type, value) = entry.First();
        if (!Types.TryGetValue(type, out var create))
        {
            throw new EmulatorException(400, "parse_exception", $"No processor type exists with name [{type}]")
            {
                Metadata = [new("processor_type", type)],
            };
        }

        var options = value as JsonObject ?? throw new EmulatorException(400, "parse_exception", $"[{type}] processor options must be an object");
        var config = new ProcessorConfig(type, options);
        if (options["if"] is not null)
        {
            throw config.Error("if", "script conditions are not supported by the emulator");
        }

        var processor = create(config);
        processor.Type = type;
        processor.Tag = config.Optional("tag");
        processor.IgnoreFailure = config.Flag("ignore_failure", false);
        processor.OnFailure = ParseList(options["on_failure"], "on_failure");
        return processor;
    }
}
