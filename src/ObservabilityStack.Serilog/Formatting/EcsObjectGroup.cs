using System.Text.Json;

namespace ObservabilityStack.Serilog.Formatting;

/// <summary>
/// A top-level ECS object (<c>service</c>, <c>http</c>...) and the table slots written inside it, with the names
/// pre-encoded once so the formatter does not transcode them for every event.
/// </summary>
internal sealed class EcsObjectGroup(string name)
{
    private readonly List<(string? Child, JsonEncodedText ChildName, JsonEncodedText Leaf, int Slot)> _members = [];

    public string Name { get; } = name;

    public JsonEncodedText EncodedName { get; } = JsonEncodedText.Encode(name);

    // A List, not IReadOnlyList: the formatter enumerates this for every group of every event, and only the
    // List's own struct enumerator avoids a boxed one each time.
    public List<(string? Child, JsonEncodedText ChildName, JsonEncodedText Leaf, int Slot)> Members => _members;

    public void Add(string? child, string leaf, int slot) =>
        _members.Add((child, child is null ? default : JsonEncodedText.Encode(child), JsonEncodedText.Encode(leaf), slot));
}
