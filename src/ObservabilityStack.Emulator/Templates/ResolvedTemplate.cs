using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Templates;

/// <summary>What a new index gets from its matching template: settings, mappings and aliases composed in order.</summary>
internal sealed record ResolvedTemplate(IndexTemplate? Source, List<JsonObject> Settings, List<JsonObject> Mappings, JsonObject Aliases)
{
    public static ResolvedTemplate None { get; } = new(null, [], [], []);

    public bool CreatesDataStream => Source?.DataStream is not null;
}
