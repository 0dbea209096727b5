using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ilm;

/// <summary>An ILM policy as stored: its phases, version and modification time.</summary>
internal sealed class IlmPolicy
{
    public required string Name { get; init; }

    public required JsonObject Policy { get; init; }

    public long Version { get; init; } = 1;

    public long ModifiedMillis { get; init; }

    public bool BuiltIn { get; init; }

    public JsonObject? Phase(string name) => Policy["phases"]?[name] as JsonObject;

    /// <summary>The hot phase's rollover action, or null.</summary>
    public JsonObject? Rollover => Phase("hot")?["actions"]?["rollover"] as JsonObject;

    /// <summary>The delete phase's min_age, or null when there is no delete phase.</summary>
    public TimeSpan? DeleteAfter => Phase("delete") is { } delete
        ? TimeValue.Parse(delete["min_age"]?.ToString() ?? "0ms", "min_age")
        : null;
}
