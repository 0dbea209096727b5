using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ilm;

/// <summary>ILM policies with Elasticsearch's validation (phase order, rollover conditions). Thread-safe.</summary>
internal sealed class IlmPolicyStore
{
    private static readonly string[] PhaseOrder = ["hot", "warm", "cold", "frozen", "delete"];
    private readonly Lock _sync = new();
    private readonly SortedDictionary<string, IlmPolicy> _policies = new(StringComparer.Ordinal);

    public event Action? Changed;

    public IlmPolicy Put(string name, JsonObject body, long nowMillis, bool builtIn = false)
    {
        if (body["policy"] is not JsonObject policy)
        {
            throw new EmulatorException(400, "x_content_parse_exception", "[1:1] [put_lifecycle_request] policy is missing");
        }

        var phases = policy["phases"] as JsonObject ?? [];
        long previous = 0;
        string? previousName = null;
        foreach (var phaseName in PhaseOrder)
        {
            if (phases[phaseName] is not JsonObject phase)
            {
                continue;
            }

            var minAge = phase["min_age"]?.ToString() ?? "0ms";
            var age = (long)TimeValue.Parse(minAge, "min_age").TotalMilliseconds;
            if (previousName is not null && age < previous)
            {
                throw EmulatorException.IllegalArgument(
                    $"Your policy is configured to run the {phaseName} phase (min_age: {minAge}) before the {previousName} phase (min_age: {phases[previousName]!["min_age"]}). You should change the phase timing so that the phases will execute in the order of hot, warm, then cold.");
            }

            ValidateActions(phaseName, phase["actions"] as JsonObject ?? []);
            ValidateRollover(phase["actions"]?["rollover"] as JsonObject);
            previous = age;
            previousName = phaseName;
        }

        foreach (var (phaseName, _) in phases)
        {
            if (!PhaseOrder.Contains(phaseName))
            {
                throw EmulatorException.IllegalArgument($"Timeseries lifecycle does not support phase [{phaseName}]");
            }
        }

        lock (_sync)
        {
            var version = _policies.TryGetValue(name, out var old) ? old.Version + 1 : 1;
            var stored = new IlmPolicy { Name = name, Policy = (JsonObject)policy.DeepClone(), Version = version, ModifiedMillis = nowMillis, BuiltIn = builtIn };
            stored.Policy.Remove("name");
            _policies[name] = stored;
        }

        Changed?.Invoke();
        return _policies[name];
    }

    private static readonly Dictionary<string, string[]> AllowedActions = new(StringComparer.Ordinal)
    {
        ["hot"] = ["set_priority", "unfollow", "rollover", "readonly", "downsample", "shrink", "forcemerge", "searchable_snapshot"],
        ["warm"] = ["set_priority", "unfollow", "readonly", "downsample", "allocate", "migrate", "shrink", "forcemerge"],
        ["cold"] = ["set_priority", "unfollow", "readonly", "downsample", "searchable_snapshot", "allocate", "migrate", "freeze"],
        ["frozen"] = ["unfollow", "searchable_snapshot"],
        ["delete"] = ["wait_for_snapshot", "delete"],
    };

    private static void ValidateActions(string phase, JsonObject actions)
    {
        foreach (var (action, _) in actions)
        {
            if (!AllowedActions[phase].Contains(action))
            {
                throw EmulatorException.IllegalArgument($"invalid action [{action}] defined in phase [{phase}]");
            }
        }

        if (phase == "hot" && actions["rollover"] is null)
        {
            var needing = actions.Select(a => a.Key).Where(a => a is "shrink" or "forcemerge" or "searchable_snapshot" or "downsample" or "readonly").ToList();
            if (needing.Count > 0)
            {
                throw EmulatorException.IllegalArgument(
                    $"the [{string.Join(", ", needing)}] action(s) may not be used in the [hot] phase without an accompanying [rollover] action");
            }
        }
    }

    private static void ValidateRollover(JsonObject? rollover)
    {
        if (rollover is null)
        {
            return;
        }

        var hasMax = rollover.Any(p => p.Key.StartsWith("max_", StringComparison.Ordinal));
        var hasMin = rollover.Any(p => p.Key.StartsWith("min_", StringComparison.Ordinal));
        if (!hasMax)
        {
            throw new EmulatorException(400, "action_request_validation_exception",
                hasMin ? "Validation Failed: 1: at least one max_* rollover condition must be set when using min_* conditions;"
                       : "Validation Failed: 1: at least one max_* rollover condition must be set;");
        }
    }

    /// <summary>Puts a policy read back from disk, keeping its version and modification time.</summary>
    public void Restore(string name, JsonObject policy, long version, long modifiedMillis)
    {
        lock (_sync)
        {
            _policies[name] = new IlmPolicy { Name = name, Policy = policy, Version = version, ModifiedMillis = modifiedMillis };
        }
    }

    public IlmPolicy? Find(string name)
    {
        lock (_sync)
        {
            return _policies.GetValueOrDefault(name);
        }
    }

    public List<IlmPolicy> All()
    {
        lock (_sync)
        {
            return [.. _policies.Values];
        }
    }

    public bool Remove(string name)
    {
        bool removed;
        lock (_sync)
        {
            removed = _policies.Remove(name);
        }

        Changed?.Invoke();
        return removed;
    }
}
