using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Emulator.Mapping;

/// <summary>
/// An immutable, flattened view of a mapping for search: dotted paths to types, multi-fields included.
/// Paths below a <c>flattened</c> field resolve to type <c>keyword</c>, since its leaves behave like keywords.
/// </summary>
internal sealed class FieldMappingsView : IFieldMappings
{
    private readonly Dictionary<string, MappedField> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _flattened = [];

    public FieldMappingsView(FieldMapping root, int version)
    {
        Version = version;
        if (root.Properties is not null)
        {
            Add("", root.Properties);
        }
    }

    public int Version { get; }

    public IEnumerable<MappedField> All => _fields.Values;

    public MappedField? Find(string path)
    {
        if (_fields.TryGetValue(path, out var field))
        {
            return field;
        }

        foreach (var prefix in _flattened)
        {
            if (path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] == '.')
            {
                return new MappedField(path, "keyword");
            }
        }

        return null;
    }

    private void Add(string prefix, Dictionary<string, FieldMapping> properties)
    {
        foreach (var (name, field) in properties)
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            _fields[path] = new MappedField(path, field.Type, field.Format);
            if (field.Type == "flattened")
            {
                _flattened.Add(path);
            }

            if (field.Properties is not null)
            {
                Add(path, field.Properties);
            }

            if (field.Fields is not null)
            {
                foreach (var (sub, multi) in field.Fields)
                {
                    _fields[$"{path}.{sub}"] = new MappedField($"{path}.{sub}", multi.Type, multi.Format);
                }
            }
        }
    }
}
