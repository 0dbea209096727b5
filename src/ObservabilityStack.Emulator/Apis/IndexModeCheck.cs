using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>
/// Validates <c>index.mode</c> on create like Elasticsearch: a known mode, and <c>lookup</c> indices have one
/// shard (the emulator keeps one shard per index anyway, so lookup indices are otherwise ordinary).
/// </summary>
internal static class IndexModeCheck
{
    private static readonly string[] Modes = ["standard", "time_series", "logsdb", "lookup"];

    public static void Validate(JsonObject body)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        Flatten(body["settings"] as JsonObject, string.Empty, settings);
        var mode = Lookup(settings, "mode");
        if (mode is null)
        {
            return;
        }

        if (!Modes.Contains(mode))
        {
            throw EmulatorException.IllegalArgument($"[index.mode] must be one of [{string.Join(", ", Modes)}], but was [{mode}]");
        }

        if (mode == "lookup" && Lookup(settings, "number_of_shards") is { } shards && shards != "1")
        {
            throw EmulatorException.IllegalArgument("index with [lookup] mode must have [index.number_of_shards] set to 1 or unset");
        }
    }

    private static string? Lookup(Dictionary<string, string?> settings, string key) =>
        settings.GetValueOrDefault("index." + key) ?? settings.GetValueOrDefault(key);

    private static void Flatten(JsonObject? node, string prefix, Dictionary<string, string?> into)
    {
        foreach (var (key, value) in node ?? [])
        {
            if (value is JsonObject child)
            {
                Flatten(child, prefix + key + ".", into);
            }
            else
            {
                into[prefix + key] = value?.ToString();
            }
        }
    }
}
