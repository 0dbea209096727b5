using System.Globalization;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Templates;

namespace ObservabilityStack.Emulator.Storage;

internal sealed partial class Cluster
{
    /// <summary>The current write index of a rollover target and the name the next one would get.</summary>
    public (EsIndex Old, string NewName) PlanRollover(string target, string? newIndex)
    {
        lock (MetadataLock)
        {
            if (_dataStreams.TryGetValue(target, out var stream))
            {
                var next = DataStream.BackingIndexName(stream.Name, stream.Generation + 1, Clock.GetUtcNow());
                return (_indices[stream.WriteIndex], next);
            }

            var aliased = _indices.Values.Where(i => i.Aliases.ContainsKey(target)).ToList();
            if (aliased.Count == 0)
            {
                throw EmulatorException.IllegalArgument($"rollover target [{target}] does not exist");
            }

            var write = aliased.Count == 1 ? aliased[0] : aliased.SingleOrDefault(i => i.Aliases[target]["is_write_index"]?.GetValue<bool>() == true)
                ?? throw EmulatorException.IllegalArgument($"rollover target [{target}] does not point to a write index");
            var name = newIndex ?? NextName(write.Name);
            IndexNames.Validate(name);
            if (_indices.TryGetValue(name, out var clash))
            {
                throw EmulatorException.IndexExists(name, clash.Uuid);
            }

            return (write, name);
        }
    }

    /// <summary>Performs a rollover planned by <see cref="PlanRollover"/>.</summary>
    public void Rollover(string target, EsIndex old, string newName, JsonObject? body)
    {
        lock (MetadataLock)
        {
            if (_dataStreams.TryGetValue(target, out var stream))
            {
                AddBackingIndex(stream);
            }
            else
            {
                var definition = old.Aliases[target];
                var explicitWrite = definition["is_write_index"]?.GetValue<bool>() == true;
                var created = CreateIndex(newName, body);
                var moved = (JsonObject)definition.DeepClone();
                moved["is_write_index"] = explicitWrite ? true : null;
                if (!explicitWrite)
                {
                    moved.Remove("is_write_index");
                    old.Aliases.Remove(target);
                }
                else
                {
                    definition["is_write_index"] = false;
                }

                created.Aliases[target] = TemplateBodies.NormalizeAlias(moved);
            }

            old.Lifecycle.RolloverMillis = NowMillis;
        }

        MetadataChanged?.Invoke();
    }

    private static string NextName(string current)
    {
        var dash = current.LastIndexOf('-');
        if (dash < 0 || dash == current.Length - 1 || !current[(dash + 1)..].All(char.IsAsciiDigit))
        {
            throw EmulatorException.IllegalArgument($"index name [{current}] does not match pattern '^.*-\\d+$'");
        }

        var number = long.Parse(current[(dash + 1)..], CultureInfo.InvariantCulture) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{current[..(dash + 1)]}{number:000000}");
    }
}
