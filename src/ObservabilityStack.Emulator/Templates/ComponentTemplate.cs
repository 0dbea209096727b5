using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Templates;

/// <summary>A component template (<c>_component_template</c>): reusable settings/mappings/aliases.</summary>
internal sealed class ComponentTemplate
{
    public required string Name { get; init; }

    public required JsonObject Body { get; init; }

    public bool BuiltIn { get; init; }

    public JsonObject? Template => Body["template"] as JsonObject;
}
