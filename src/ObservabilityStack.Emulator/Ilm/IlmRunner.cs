using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Ilm;

/// <summary>
/// Runs ILM like Elasticsearch's poll loop, on the emulator's clock: enters the hot phase, rolls data streams
/// (or <c>index.lifecycle.rollover_alias</c> aliases) over when the rollover conditions are met, moves through
/// later phases by <c>min_age</c> counted from the rollover time, and deletes indices in the delete phase.
/// </summary>
internal sealed class IlmRunner(Cluster cluster)
{
    private readonly Lock _pass = new();

    public void RunOnce()
    {
        lock (_pass)
        {
            foreach (var index in cluster.AllIndices.ToList())
            {
                if (index.Settings["index.lifecycle.name"] is { } name && cluster.Policies.Find(name) is { } policy)
                {
                    Step(index, policy);
                }
            }
        }
    }

    private void Step(EsIndex index, IlmPolicy policy)
    {
        var now = cluster.NowMillis;
        var state = index.Lifecycle;
        if (state.Phase == "new")
        {
            Enter(state, "hot", now, policy.Rollover is null ? "complete" : "rollover");
        }

        if (state.Phase == "hot" && policy.Rollover is { } rollover && !state.IndexedRolledOver)
        {
            var target = RolloverTarget(index);
            if (target is null)
            {
                // No longer the write index (rolled over by hand): ILM treats that as done.
                state.RolloverMillis ??= now;
            }
            else if (RolloverConditions.Evaluate(rollover, index, now).Met && index.LiveCount > 0)
            {
                var (old, next) = cluster.PlanRollover(target, null);
                cluster.Rollover(target, old, next, null);
            }
            else
            {
                return;
            }
        }

        var lifecycleDate = state.RolloverMillis ?? index.CreationMillis;
        var age = TimeSpan.FromMilliseconds(now - lifecycleDate);
        foreach (var phase in new[] { "warm", "cold", "frozen", "delete" })
        {
            if (policy.Phase(phase) is not { } definition || PhaseRank(phase) <= PhaseRank(state.Phase))
            {
                continue;
            }

            var minAge = TimeValue.Parse(definition["min_age"]?.ToString() ?? "0ms", "min_age");
            if (age < minAge)
            {
                break;
            }

            Enter(state, phase, now, phase == "delete" ? "delete" : "complete");
        }

        if (state.Phase == "delete" && RolloverTarget(index) is null)
        {
            cluster.DeleteIndices([index]);
        }
    }

    private static void Enter(IlmIndexState state, string phase, long now, string action)
    {
        state.Phase = phase;
        state.PhaseTimeMillis = now;
        state.Action = action;
        state.Step = action == "rollover" ? "check-rollover-ready" : action == "delete" ? "delete" : "complete";
    }

    private static int PhaseRank(string phase) => Array.IndexOf(["new", "hot", "warm", "cold", "frozen", "delete"], phase);

    /// <summary>The alias or data stream this index is the write index of, or null.</summary>
    private string? RolloverTarget(EsIndex index)
    {
        if (index.DataStream is { } ds)
        {
            return cluster.FindDataStream(ds) is { } stream && stream.WriteIndex == index.Name ? ds : null;
        }

        var alias = index.Settings["index.lifecycle.rollover_alias"];
        if (alias is null || !index.Aliases.TryGetValue(alias, out var definition))
        {
            return null;
        }

        return definition["is_write_index"]?.GetValue<bool>() != false ? alias : null;
    }
}
