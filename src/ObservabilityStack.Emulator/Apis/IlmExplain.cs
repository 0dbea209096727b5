using System.Globalization;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary><c>GET /{index}/_ilm/explain</c>: where each index is in its policy.</summary>
internal static class IlmExplain
{
    public static Task RunAsync(EsRequest r, Cluster cluster)
    {
        var onlyManaged = r.Flag("only_managed");
        var onlyErrors = r.Flag("only_errors");
        var indices = cluster.Resolve(r.Route("index"), IndicesOptions.From(r, new IndicesOptions(false, true, true, false)));
        var answer = new JsonObject();
        var now = cluster.NowMillis;
        foreach (var index in indices)
        {
            var policyName = index.Settings["index.lifecycle.name"];
            if (policyName is null)
            {
                if (!onlyManaged && !onlyErrors)
                {
                    answer[index.Name] = new JsonObject { ["index"] = index.Name, ["managed"] = false };
                }

                continue;
            }

            var policy = cluster.Policies.Find(policyName);
            if (onlyErrors && policy is not null)
            {
                continue;
            }

            var state = index.Lifecycle;
            var lifecycleDate = state.RolloverMillis ?? index.CreationMillis;
            var entry = new JsonObject
            {
                ["index"] = index.Name,
                ["managed"] = true,
                ["policy"] = policyName,
                ["index_creation_date_millis"] = index.CreationMillis,
                ["time_since_index_creation"] = Human(now - index.CreationMillis),
                ["lifecycle_date_millis"] = lifecycleDate,
                ["age"] = Human(now - lifecycleDate),
                ["phase"] = state.Phase,
                ["phase_time_millis"] = state.PhaseTimeMillis ?? index.CreationMillis,
                ["action"] = state.Action,
                ["action_time_millis"] = state.PhaseTimeMillis ?? index.CreationMillis,
                ["step"] = policy is null ? "ERROR" : state.Step,
                ["step_time_millis"] = state.PhaseTimeMillis ?? index.CreationMillis,
            };
            if (index.DataStream is not null)
            {
                entry["data_stream"] = index.DataStream;
            }

            if (policy is null)
            {
                entry["failed_step"] = state.Step;
                entry["step_info"] = new JsonObject
                {
                    ["type"] = "illegal_argument_exception",
                    ["reason"] = $"policy [{policyName}] does not exist",
                };
            }
            else if (policy.Phase(state.Phase) is { } phase)
            {
                entry["phase_execution"] = new JsonObject
                {
                    ["policy"] = policyName,
                    ["phase_definition"] = phase.DeepClone(),
                    ["version"] = policy.Version,
                    ["modified_date_in_millis"] = policy.ModifiedMillis,
                };
            }

            answer[index.Name] = entry;
        }

        return r.WriteNodeAsync(200, new JsonObject { ["indices"] = answer });
    }

    private static string Human(long millis) => millis switch
    {
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{millis}ms"),
        < 60_000 => string.Create(CultureInfo.InvariantCulture, $"{millis / 1000.0:0.#}s"),
        < 3_600_000 => string.Create(CultureInfo.InvariantCulture, $"{millis / 60_000.0:0.#}m"),
        < 86_400_000 => string.Create(CultureInfo.InvariantCulture, $"{millis / 3_600_000.0:0.#}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{millis / 86_400_000.0:0.#}d"),
    };
}
