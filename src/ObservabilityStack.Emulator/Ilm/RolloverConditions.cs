using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Ilm;

/// <summary>
/// Rollover conditions as Elasticsearch evaluates them: any max_* met and every min_* met. Docs are counted
/// in real time; size is the stored source size (the emulator has one primary shard per index).
/// </summary>
internal static class RolloverConditions
{
    public static (bool Met, List<(string Label, bool Met)> Results) Evaluate(JsonObject? conditions, EsIndex index, long nowMillis)
    {
        var results = new List<(string, bool)>();
        if (conditions is null || conditions.Count == 0)
        {
            return (true, results);
        }

        bool anyMax = false, maxMet = false, minMet = true;
        var age = TimeSpan.FromMilliseconds(nowMillis - index.CreationMillis);
        var docs = index.LiveCount;
        var size = index.Table.SizeInBytes;
        foreach (var (key, node) in conditions)
        {
            var value = node?.ToString() ?? "";
            var met = key switch
            {
                "max_age" or "min_age" => age >= TimeValue.Parse(value, key),
                "max_docs" or "max_primary_shard_docs" or "min_docs" or "min_primary_shard_docs" => docs >= long.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
                "max_size" or "max_primary_shard_size" or "min_size" or "min_primary_shard_size" => size >= TimeValue.ParseBytes(value, key),
                _ => throw EmulatorException.IllegalArgument($"unknown rollover condition [{key}]"),
            };
            results.Add(($"[{key}: {value}]", met));
            if (key.StartsWith("max_", StringComparison.Ordinal))
            {
                anyMax = true;
                maxMet |= met;
            }
            else
            {
                minMet &= met;
            }
        }

        if (!anyMax)
        {
            throw new EmulatorException(400, "action_request_validation_exception",
                "Validation Failed: 1: at least one max_* rollover condition must be set when using min_* conditions;");
        }

        return (maxMet && minMet, results);
    }
}
