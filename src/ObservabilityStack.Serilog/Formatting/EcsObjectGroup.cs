namespace ObservabilityStack.Serilog.Formatting;

/// <summary>A top-level ECS object (<c>service</c>, <c>http</c>...) and the table slots written inside it.</summary>
internal sealed class EcsObjectGroup(string name)
{
    private readonly List<(string? Child, string Leaf, int Slot)> _members = [];

    public string Name { get; } = name;

    public IReadOnlyList<(string? Child, string Leaf, int Slot)> Members => _members;

    public void Add(string? child, string leaf, int slot) => _members.Add((child, leaf, slot));
}
