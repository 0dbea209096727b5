using System.Text.Json;
using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Emulator.Tests.Search.Support;

/// <summary>An <see cref="IFieldMappings"/> flattened from an Elasticsearch <c>properties</c> object (multi-fields included).</summary>
internal sealed class TestMappings : IFieldMappings
{
    private readonly Dictionary<string, MappedField> _fields = new(StringComparer.Ordinal);

    public TestMappings(string propertiesJson)
    {
        using var document = JsonDocument.Parse(propertiesJson);
        Add(document.RootElement, string.Empty);
    }

    public IEnumerable<MappedField> All => _fields.Values;

    public MappedField? Find(string path) => _fields.GetValueOrDefault(path);

    private void Add(JsonElement properties, string prefix)
    {
        foreach (var property in properties.EnumerateObject())
        {
            var path = prefix + property.Name;
            var type = property.Value.TryGetProperty("type", out var t) ? t.GetString()! : "object";
            var format = property.Value.TryGetProperty("format", out var f) ? f.GetString() : null;
            _fields[path] = new MappedField(path, type, format);
            if (property.Value.TryGetProperty("properties", out var children))
            {
                Add(children, path + ".");
            }

            if (property.Value.TryGetProperty("fields", out var multi))
            {
                Add(multi, path + ".");
            }
        }
    }
}
