namespace ObservabilityStack.Emulator.Mapping;

/// <summary>Merges one field definition into another, as put-mapping and template composition do.</summary>
internal static class MappingMerger
{
    /// <summary>Merges <paramref name="incoming"/> into <paramref name="target"/>; a type change is an error.</summary>
    public static void Merge(FieldMapping target, FieldMapping incoming, string path, bool allowTypeChange = false)
    {
        if (target.Type != incoming.Type)
        {
            if (!allowTypeChange)
            {
                throw EmulatorException.IllegalArgument(
                    $"mapper [{path}] cannot be changed from type [{target.Type}] to [{incoming.Type}]");
            }

            target.Type = incoming.Type;
            target.Path = incoming.Path;
            target.Properties = incoming.Properties;
            target.Fields = incoming.Fields;
            target.Parameters.Clear();
        }

        foreach (var (key, value) in incoming.Parameters)
        {
            target.Parameters[key] = value?.DeepClone();
        }

        target.ExplicitObjectType |= incoming.ExplicitObjectType;
        target.Properties = MergeMaps(target.Properties, incoming.Properties, path, allowTypeChange);
        target.Fields = MergeMaps(target.Fields, incoming.Fields, path, allowTypeChange);
    }

    public static Dictionary<string, FieldMapping>? MergeMaps(Dictionary<string, FieldMapping>? target,
        Dictionary<string, FieldMapping>? incoming, string path, bool allowTypeChange)
    {
        if (incoming is null)
        {
            return target;
        }

        target ??= new(StringComparer.Ordinal);
        foreach (var (name, field) in incoming)
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            if (target.TryGetValue(name, out var existing))
            {
                Merge(existing, field, childPath, allowTypeChange);
            }
            else
            {
                target[name] = field.Clone();
            }
        }

        return target;
    }
}
