using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Ilm;
using ObservabilityStack.Emulator.Templates;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// All emulator state: indices, aliases, data streams, templates and ILM policies. Metadata changes
/// (create/delete index, data streams, rollover) are serialised by one lock; document writes only take
/// their index's lock.
/// </summary>
internal sealed partial class Cluster
{
    private readonly ConcurrentDictionary<string, EsIndex> _indices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DataStream> _dataStreams = new(StringComparer.Ordinal);

    public Cluster(TimeProvider clock)
    {
        Clock = clock;
        BuiltIns.Install(Templates, Policies);
    }

    public TimeProvider Clock { get; }

    /// <summary>Serialises metadata changes; document writes do not take it.</summary>
    public Lock MetadataLock { get; } = new();

    public TemplateStore Templates { get; } = new();

    public IlmPolicyStore Policies { get; } = new();

    /// <summary>Opens the write log of a new index when the emulator is durable.</summary>
    public Func<EsIndex, IDocumentLog?>? LogFactory { get; set; }

    /// <summary>Raised after metadata changes (indices, aliases, data streams), so durable emulators save it.</summary>
    public event Action? MetadataChanged;

    public long NowMillis => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    public IEnumerable<EsIndex> AllIndices => _indices.Values.OrderBy(i => i.Name, StringComparer.Ordinal);

    public IEnumerable<DataStream> AllDataStreams => _dataStreams.Values.OrderBy(d => d.Name, StringComparer.Ordinal);

    public EsIndex? FindIndex(string name) => _indices.GetValueOrDefault(name);

    public DataStream? FindDataStream(string name) => _dataStreams.GetValueOrDefault(name);

    public void NotifyMetadataChanged() => MetadataChanged?.Invoke();

    /// <summary>Creates an index from a create-index body and the matching template (settings, mappings, aliases).</summary>
    public EsIndex CreateIndex(string name, JsonObject? body, string? dataStream = null, bool explicitCreate = false, string? uuid = null, long? creationMillis = null)
    {
        name = DateMathNames.Resolve(name, Clock.GetUtcNow());
        IndexNames.Validate(name);
        lock (MetadataLock)
        {
            if (_indices.TryGetValue(name, out var existing))
            {
                throw EmulatorException.IndexExists(name, existing.Uuid);
            }

            if (_dataStreams.ContainsKey(name) || IsAlias(name))
            {
                throw new EmulatorException(400, "invalid_index_name_exception", $"Invalid index name [{name}], already exists as {(IsAlias(name) ? "alias" : "data stream")}")
                {
                    Index = name,
                };
            }

            // A backing index takes the template of its data stream, matched by the stream's name.
            var template = Templates.Resolve(dataStream ?? name);
            if (explicitCreate && template.CreatesDataStream && dataStream is null)
            {
                throw EmulatorException.IllegalArgument(
                    $"cannot create index with name [{name}], because it matches with template [{template.Source!.Name}] that creates data streams only, use create data stream api instead");
            }

            var index = new EsIndex(name, creationMillis ?? NowMillis, uuid) { DataStream = dataStream };
            ApplyTemplateAndBody(index, template, body, dataStream is not null);
            index.Log = LogFactory?.Invoke(index);
            _indices[name] = index;
        }

        MetadataChanged?.Invoke();
        return _indices[name];
    }

    private static void ApplyTemplateAndBody(EsIndex index, ResolvedTemplate template, JsonObject? body, bool backing)
    {
        foreach (var settings in template.Settings)
        {
            index.Settings.Apply(IndexSettings.Flatten(settings));
        }

        foreach (var mappings in template.Mappings)
        {
            index.Mappings.Merge((JsonObject)mappings.DeepClone(), allowTypeChange: true);
        }

        if (!backing)
        {
            foreach (var (alias, definition) in template.Aliases)
            {
                index.Aliases[alias] = TemplateBodies.NormalizeAlias(definition as JsonObject);
            }
        }

        if (body is not null)
        {
            foreach (var (key, _) in body)
            {
                if (key is not ("settings" or "mappings" or "aliases"))
                {
                    throw new EmulatorException(400, "parsing_exception", $"unknown key [{key}] for create index");
                }
            }

            var flat = IndexSettings.Flatten(body["settings"]);
            if (flat.TryGetValue("index.number_of_shards", out var shards) && shards is not null
                && (!int.TryParse(shards, out var n) || n < 1))
            {
                throw EmulatorException.IllegalArgument($"Failed to parse value [{shards}] for setting [index.number_of_shards] must be >= 1");
            }

            if (flat.GetValueOrDefault("index.soft_deletes.enabled") == "false")
            {
                throw EmulatorException.IllegalArgument("Creating indices with soft-deletes disabled is no longer supported. Please do not specify a value for setting [index.soft_deletes.enabled].");
            }

            index.Settings.Apply(flat);
            index.Mappings.Merge(body["mappings"] as JsonObject);
            foreach (var (alias, definition) in TemplateBodies.NormalizeAliases(body["aliases"] as JsonObject))
            {
                index.Aliases[DateMathNames.Resolve(alias, DateTimeOffset.FromUnixTimeMilliseconds(index.CreationMillis))] = (JsonObject)definition!.DeepClone();
            }
        }

        if (backing)
        {
            index.Settings.Apply(new() { ["index.hidden"] = "true" });
            if (index.Mappings.Root.Properties?.ContainsKey("@timestamp") != true)
            {
                index.Mappings.Merge(new JsonObject { ["properties"] = new JsonObject { ["@timestamp"] = new JsonObject { ["type"] = "date" } } });
            }
        }

        if (index.Settings["index.lifecycle.name"] is not null)
        {
            index.Lifecycle.Phase = "new";
        }
    }

    /// <summary>Deletes concrete indices (not data stream write indices, as in Elasticsearch).</summary>
    public void DeleteIndices(IReadOnlyList<EsIndex> indices)
    {
        lock (MetadataLock)
        {
            foreach (var index in indices)
            {
                if (index.DataStream is { } ds && _dataStreams.TryGetValue(ds, out var stream) && stream.WriteIndex == index.Name)
                {
                    throw EmulatorException.IllegalArgument(
                        $"index [{index.Name}] is the write index for data stream [{ds}] and cannot be deleted");
                }
            }

            foreach (var index in indices)
            {
                RemoveIndex(index);
            }
        }

        MetadataChanged?.Invoke();
    }

    private void RemoveIndex(EsIndex index)
    {
        _indices.TryRemove(index.Name, out _);
        if (index.DataStream is { } ds && _dataStreams.TryGetValue(ds, out var stream))
        {
            stream.Indices.Remove(index.Name);
            stream.FailureIndices.Remove(index.Name);
        }

        index.Log?.Dispose();
        IndexRemoved?.Invoke(index);
    }

    /// <summary>Raised when an index is gone, so durable emulators delete its log.</summary>
    public event Action<EsIndex>? IndexRemoved;

    /// <summary>Adds an index read back from disk (no template, no events).</summary>
    public void AttachRestored(EsIndex index) => _indices[index.Name] = index;

    /// <summary>Adds a data stream read back from disk.</summary>
    public void AttachRestored(DataStream stream) => _dataStreams[stream.Name] = stream;

    public bool IsAlias(string name) => _indices.Values.Any(i => i.Aliases.ContainsKey(name));

    /// <summary>Refreshes every index with pending changes (the 1s refresh interval).</summary>
    public void RefreshDue()
    {
        foreach (var index in _indices.Values)
        {
            if (index.Settings["index.refresh_interval"] != "-1")
            {
                index.Refresh();
            }
        }
    }
}
