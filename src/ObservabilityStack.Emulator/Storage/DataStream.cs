using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>A data stream: a name over generations of <c>.ds-</c> backing indices, the last one taking writes.</summary>
internal sealed class DataStream
{
    public required string Name { get; init; }

    /// <summary>Backing index names, oldest first. Guarded by the cluster's metadata lock.</summary>
    public List<string> Indices { get; } = [];

    public int Generation { get; set; }

    public string? Template { get; set; }

    public bool Hidden { get; set; }

    public JsonObject? Meta { get; set; }

    /// <summary>The data stream lifecycle (<c>data_retention</c>, <c>enabled</c>), reported but not enforced.</summary>
    public JsonObject? Lifecycle { get; set; }

    public bool LifecycleEnabled => Lifecycle is not null && Lifecycle["enabled"]?.ToString() != "false";

    public string WriteIndex => Indices[^1];

    /// <summary>Whether documents that fail (mapping or ingest errors) go to <c>.fs-</c> failure indices instead of failing.</summary>
    public bool FailureStoreEnabled { get; set; }

    /// <summary>Failure index names, oldest first, created on the first failure. Guarded by the cluster's metadata lock.</summary>
    public List<string> FailureIndices { get; } = [];

    /// <summary>Elasticsearch's backing index name: <c>.ds-{name}-{yyyy.MM.dd}-{generation:000000}</c>.</summary>
    public static string BackingIndexName(string name, int generation, DateTimeOffset now) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $".ds-{name}-{now:yyyy.MM.dd}-{generation:000000}");
}
